// Fidelity tests for instances and their network (images, VPCs, subnets, security groups) and
// for the two other services Terraform calls on the same wire: zrm (ModifyResourceTags) and
// user (AddResourceResourceGroup). Every call goes through the official SDK's typed clients and
// each answer is decoded strictly into the SDK's typed response (checkEnvelope). This file runs
// after zec_test.go (file order) and removes everything it creates, so the fixture counts the
// other tests rely on are untouched.
package sdktest

import (
	"flag"
	"testing"
	"time"

	user "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/user20240529"
	zec24 "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/zec20240401"
	zec "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/zec20250901"
	zrm "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/zrm20251014"
)

const (
	hkSubnet     = "1710000000000000001" // asia-east-1, 10.0.0.0/24
	stagingGroup = "2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32"
)

// networkActions are the actions this file must see answer 200 (TestEveryNetworkActionCalled).
var networkActions = []string{
	"DescribeImages", "CreateVpc", "DescribeVpcs", "ModifyVpcAttribute", "DeleteVpc",
	"CreateSubnet", "DescribeSubnets", "ModifySubnetAttribute", "DeleteSubnet",
	"CreateSecurityGroup", "DescribeSecurityGroups", "ModifySecurityGroupsAttribute", "DeleteSecurityGroup",
	"DescribeZoneInstanceConfigInfos", "InquiryPriceCreateInstance", "CreateZecInstances",
	"StartInstances", "StopInstances", "RebootInstances", "ModifyInstancesAttribute", "ResetInstance",
	"ResetInstancePassword", "StartIpForward", "StopIpForward", "ModifyNetworkInterfaceAttribute",
	"ReleaseInstances", "ModifyResourceTags", "AddResourceResourceGroup",
}

func describeInstance(t *testing.T, c *zec.Client, rec *recorder, id string) *zec.InstanceInfo {
	t.Helper()
	req := zec.NewDescribeInstancesRequest()
	req.InstanceIds = []string{id}
	resp, err := c.DescribeInstances(req)
	must(t, "DescribeInstances", err)
	rec.checkEnvelope(t, "DescribeInstances", zec.NewDescribeInstancesResponse())
	if resp.Response.TotalCount == nil {
		t.Fatalf("DescribeInstances: totalCount missing")
	}
	if *resp.Response.TotalCount == 0 {
		return nil
	}
	i := resp.Response.DataSet[0]
	// What Terraform dereferences without a nil check (zec-instances.md).
	if i.Status == nil || i.EnableAgent == nil || i.EnableIpForward == nil {
		t.Fatalf("instance %s: status/enableAgent/enableIpForward must never be null", id)
	}
	return i
}

func waitInstance(t *testing.T, c *zec.Client, rec *recorder, id, status string) *zec.InstanceInfo {
	t.Helper()
	last := "<none>"
	for i := 0; i < pollAttempts; i++ {
		got := describeInstance(t, c, rec, id)
		if got == nil {
			if status == "" {
				return nil
			}
			t.Fatalf("instance %s disappeared while waiting for %s", id, status)
		}
		last = *got.Status
		if last == status {
			return got
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("instance %s never reached %s (last %s)", id, status, last)
	return nil
}

func TestNetworkVpcSubnetSecurityGroup(t *testing.T) {
	c, rec := newClient(t)
	c24, rec24 := newClient24(t)

	images := zec.NewDescribeImagesRequest()
	images.ZoneId, images.PageNum, images.PageSize = str("asia-east-1a"), num(1), num(100)
	img, err := c.DescribeImages(images)
	must(t, "DescribeImages", err)
	rec.checkEnvelope(t, "DescribeImages", zec.NewDescribeImagesResponse())
	if img.Response.TotalCount == nil || *img.Response.TotalCount == 0 || deref(img.Response.DataSet[0].ImageId) == "" {
		t.Fatalf("DescribeImages: no image in asia-east-1a")
	}

	vpcReq := zec.NewCreateVpcRequest()
	vpcReq.Name, vpcReq.CidrBlock, vpcReq.Mtu, vpcReq.EnablePriIpv6 = str(uniqueName("sdk-go-vpc")), str("192.168.0.0/16"), num(1500), boolean(false)
	vpcResp, err := c.CreateVpc(vpcReq)
	must(t, "CreateVpc", err)
	rec.checkEnvelope(t, "CreateVpc", zec.NewCreateVpcResponse())
	vpcID := deref(vpcResp.Response.VpcId)

	modVpc := zec.NewModifyVpcAttributeRequest()
	modVpc.VpcId, modVpc.VpcName = str(vpcID), str(uniqueName("sdk-go-vpc2"))
	_, err = c.ModifyVpcAttribute(modVpc)
	must(t, "ModifyVpcAttribute", err)
	rec.checkEnvelope(t, "ModifyVpcAttribute", zec.NewModifyVpcAttributeResponse())

	vpcs := zec.NewDescribeVpcsRequest()
	vpcs.VpcIds = []string{vpcID}
	shown, err := c.DescribeVpcs(vpcs)
	must(t, "DescribeVpcs", err)
	rec.checkEnvelope(t, "DescribeVpcs", zec.NewDescribeVpcsResponse())
	if *shown.Response.TotalCount != 1 || deref(shown.Response.DataSet[0].Name) != *modVpc.VpcName ||
		shown.Response.DataSet[0].ResourceGroup == nil || shown.Response.DataSet[0].ResourceGroup.ResourceGroupId == nil {
		t.Fatalf("DescribeVpcs: %+v", shown.Response.DataSet)
	}

	subReq := zec24.NewCreateSubnetRequest()
	subReq.VpcId, subReq.RegionId, subReq.StackType, subReq.Name, subReq.CidrBlock = vpcID, "asia-east-1", "IPv4", uniqueName("sdk-go-sub"), "192.168.1.0/24"
	subResp, err := c24.CreateSubnet(subReq)
	must(t, "CreateSubnet", err)
	rec24.checkEnvelope(t, "CreateSubnet", zec24.NewCreateSubnetResponse())
	subnetID := subResp.Response.SubnetId
	outside := zec24.NewCreateSubnetRequest()
	outside.VpcId, outside.RegionId, outside.StackType, outside.Name, outside.CidrBlock = vpcID, "asia-east-1", "IPv4", "sdk-go-out", "10.9.0.0/24"
	_, err = c24.CreateSubnet(outside)
	expectCode(t, err, "INVALID_PARAMETER_SUBNET_CIDR_NOT_BELONG_VPC")

	modSub := zec.NewModifySubnetAttributeRequest()
	modSub.SubnetId, modSub.SubnetName = str(subnetID), str(uniqueName("sdk-go-sub2"))
	_, err = c.ModifySubnetAttribute(modSub)
	must(t, "ModifySubnetAttribute", err)
	rec.checkEnvelope(t, "ModifySubnetAttribute", zec.NewModifySubnetAttributeResponse())
	subs := zec.NewDescribeSubnetsRequest()
	subs.SubnetIds = []string{subnetID}
	subShown, err := c.DescribeSubnets(subs)
	must(t, "DescribeSubnets", err)
	rec.checkEnvelope(t, "DescribeSubnets", zec.NewDescribeSubnetsResponse())
	if deref(subShown.Response.DataSet[0].VpcId) != vpcID || deref(subShown.Response.DataSet[0].GatewayIpAddress) != "192.168.1.1" {
		t.Fatalf("DescribeSubnets: %+v", subShown.Response.DataSet[0])
	}

	sgReq := zec.NewCreateSecurityGroupRequest()
	sgReq.SecurityGroupName = str(uniqueName("sdk-go-sg"))
	sgReq.RuleInfos = []*zec.SecurityGroupRuleInfo{{Direction: str("ingress"), Policy: str("accept"), IpProtocol: str("tcp"), PortRange: str("22"), CidrIp: str("0.0.0.0/0")}}
	sgResp, err := c.CreateSecurityGroup(sgReq)
	must(t, "CreateSecurityGroup", err)
	rec.checkEnvelope(t, "CreateSecurityGroup", zec.NewCreateSecurityGroupResponse())
	sgID := deref(sgResp.Response.SecurityGroupId)
	modSg := zec24.NewModifySecurityGroupsAttributeRequest()
	modSg.SecurityGroupIds, modSg.SecurityGroupName = []string{sgID}, uniqueName("sdk-go-sg2")
	_, err = c24.ModifySecurityGroupsAttribute(modSg)
	must(t, "ModifySecurityGroupsAttribute", err)
	rec24.checkEnvelope(t, "ModifySecurityGroupsAttribute", zec24.NewModifySecurityGroupsAttributeResponse())
	sgs := zec.NewDescribeSecurityGroupsRequest()
	sgs.SecurityGroupIds = []string{sgID}
	sgShown, err := c.DescribeSecurityGroups(sgs)
	must(t, "DescribeSecurityGroups", err)
	rec.checkEnvelope(t, "DescribeSecurityGroups", zec.NewDescribeSecurityGroupsResponse())
	if deref(sgShown.Response.DataSet[0].SecurityGroupName) != modSg.SecurityGroupName {
		t.Fatalf("DescribeSecurityGroups: %+v", sgShown.Response.DataSet[0])
	}
	delSg := zec24.NewDeleteSecurityGroupRequest()
	delSg.SecurityGroupId = sgID
	_, err = c24.DeleteSecurityGroup(delSg)
	must(t, "DeleteSecurityGroup", err)
	rec24.checkEnvelope(t, "DeleteSecurityGroup", zec24.NewDeleteSecurityGroupResponse())

	delVpc := zec24.NewDeleteVpcRequest()
	delVpc.VpcId = vpcID
	_, err = c24.DeleteVpc(delVpc)
	expectCode(t, err, "OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN")
	delSub := zec24.NewDeleteSubnetRequest()
	delSub.SubnetId = subnetID
	_, err = c24.DeleteSubnet(delSub)
	must(t, "DeleteSubnet", err)
	rec24.checkEnvelope(t, "DeleteSubnet", zec24.NewDeleteSubnetResponse())
	_, err = c24.DeleteSubnet(delSub)
	expectCode(t, err, "OPERATION_FAILED_RESOURCE_NOT_FOUND")
	_, err = c24.DeleteVpc(delVpc)
	must(t, "DeleteVpc", err)
	rec24.checkEnvelope(t, "DeleteVpc", zec24.NewDeleteVpcResponse())
}

func TestInstanceLifecycle(t *testing.T) {
	c, rec := newClient(t)
	c24, rec24 := newClient24(t)

	types := zec.NewDescribeZoneInstanceConfigInfosRequest()
	types.ZoneId = str("asia-east-1a")
	typeResp, err := c.DescribeZoneInstanceConfigInfos(types)
	must(t, "DescribeZoneInstanceConfigInfos", err)
	rec.checkEnvelope(t, "DescribeZoneInstanceConfigInfos", zec.NewDescribeZoneInstanceConfigInfosResponse())
	if len(typeResp.Response.InstanceTypeQuotaSet) == 0 {
		t.Fatalf("no instance type in asia-east-1a")
	}
	price := zec.NewInquiryPriceCreateInstanceRequest()
	price.ZoneId, price.InstanceType, price.InstanceCount = str("asia-east-1a"), str("z2a.cpu.1"), num(1)
	price.SystemDisk = &zec.SystemDisk{DiskSize: num(40)}
	priceResp, err := c.InquiryPriceCreateInstance(price)
	must(t, "InquiryPriceCreateInstance", err)
	rec.checkEnvelope(t, "InquiryPriceCreateInstance", zec.NewInquiryPriceCreateInstanceResponse())
	if priceResp.Response.SpecPrice == nil || priceResp.Response.SpecPrice.UnitPrice == nil {
		t.Fatalf("InquiryPriceCreateInstance: specPrice missing")
	}

	// What the Terraform provider sends (zec-instances.md).
	create := zec.NewCreateZecInstancesRequest()
	create.ZoneId, create.InstanceType, create.ImageId = str("asia-east-1a"), str("z2a.cpu.1"), str("ubuntu-22.04")
	create.InstanceName, create.InstanceCount, create.SubnetId = str("sdk-go-vm"), num(1), str(hkSubnet)
	create.SystemDisk = &zec.SystemDisk{DiskSize: num(40)}
	create.EnableAgent, create.Password = boolean(true), str("Passw0rd!x")
	create.Tags = &zec.TagAssociation{Tags: []*zec.Tag{{Key: str("suite"), Value: str("sdk-go")}}}
	created, err := c.CreateZecInstances(create)
	must(t, "CreateZecInstances", err)
	rec.checkEnvelope(t, "CreateZecInstances", zec.NewCreateZecInstancesResponse())
	id := created.Response.InstanceIdSet[0]
	vm := waitInstance(t, c, rec, id, "RUNNING")
	if deref(vm.SubnetId) != hkSubnet || deref(vm.ZoneId) != "asia-east-1a" || deref(vm.InstanceType) != "z2a.cpu.1" ||
		vm.SystemDisk == nil || *vm.SystemDisk.DiskSize != 40 || vm.InstanceOptions != nil || !*vm.EnableAgent {
		t.Fatalf("DescribeInstances does not echo the create request: %+v", vm)
	}
	var primary *zec.NicInfo
	for _, nic := range vm.Nics {
		if deref(nic.NicType) == "Primary" {
			primary = nic
		}
	}
	if primary == nil || primary.NicId == nil {
		t.Fatalf("no Primary NIC in nics")
	}

	rename := zec.NewModifyInstancesAttributeRequest()
	rename.InstanceIds, rename.InstanceName = []string{id}, str("sdk-go-vm2")
	_, err = c.ModifyInstancesAttribute(rename)
	must(t, "ModifyInstancesAttribute", err)
	rec.checkEnvelope(t, "ModifyInstancesAttribute", zec.NewModifyInstancesAttributeResponse())

	fwd := zec24.NewStartIpForwardRequest()
	fwd.InstanceId = id
	_, err = c24.StartIpForward(fwd)
	must(t, "StartIpForward", err)
	rec24.checkEnvelope(t, "StartIpForward", zec24.NewStartIpForwardResponse())
	if !*describeInstance(t, c, rec, id).EnableIpForward {
		t.Errorf("StartIpForward: enableIpForward still false")
	}
	nofwd := zec24.NewStopIpForwardRequest()
	nofwd.InstanceId = id
	_, err = c24.StopIpForward(nofwd)
	must(t, "StopIpForward", err)
	rec24.checkEnvelope(t, "StopIpForward", zec24.NewStopIpForwardResponse())

	nic := zec.NewModifyNetworkInterfaceAttributeRequest()
	nic.NicId, nic.SecurityGroupId = primary.NicId, str("1720000000000000002")
	_, err = c.ModifyNetworkInterfaceAttribute(nic)
	must(t, "ModifyNetworkInterfaceAttribute", err)
	rec.checkEnvelope(t, "ModifyNetworkInterfaceAttribute", zec.NewModifyNetworkInterfaceAttributeResponse())

	pw := zec24.NewResetInstancePasswordRequest()
	pw.InstanceId, pw.Password = id, "N3w-Passw0rd"
	_, err = c24.ResetInstancePassword(pw)
	must(t, "ResetInstancePassword", err)
	rec24.checkEnvelope(t, "ResetInstancePassword", zec24.NewResetInstancePasswordResponse())

	reboot := zec.NewRebootInstancesRequest()
	reboot.InstanceIds = []string{id}
	_, err = c.RebootInstances(reboot)
	must(t, "RebootInstances", err)
	rec.checkEnvelope(t, "RebootInstances", zec.NewRebootInstancesResponse())
	waitInstance(t, c, rec, id, "RUNNING")

	stop := zec24.NewStopInstancesRequest()
	stop.InstanceIds = []string{id}
	_, err = c24.StopInstances(stop)
	must(t, "StopInstances", err)
	rec24.checkEnvelope(t, "StopInstances", zec24.NewStopInstancesResponse())
	waitInstance(t, c, rec, id, "STOPPED")
	reset := zec.NewResetInstanceRequest()
	reset.InstanceId, reset.ImageId, reset.Password = str(id), str("debian-12"), str("Passw0rd!y")
	_, err = c.ResetInstance(reset)
	must(t, "ResetInstance", err)
	rec.checkEnvelope(t, "ResetInstance", zec.NewResetInstanceResponse())
	if deref(waitInstance(t, c, rec, id, "RUNNING").ImageId) != "debian-12" {
		t.Errorf("ResetInstance: image not changed")
	}
	_, err = c24.StopInstances(stop)
	must(t, "StopInstances", err)
	waitInstance(t, c, rec, id, "STOPPED")
	start := zec24.NewStartInstancesRequest()
	start.InstanceIds = []string{id}
	_, err = c24.StartInstances(start)
	must(t, "StartInstances", err)
	rec24.checkEnvelope(t, "StartInstances", zec24.NewStartInstancesResponse())
	waitInstance(t, c, rec, id, "RUNNING")

	// A tag change as Terraform makes it: POST /api/v2/zrm, every tag of the new map.
	zrmRec := &recorder{}
	tags, err := zrm.NewClient(config(zrmRec), keyID, keyPass)
	must(t, "zrm.NewClient", err)
	change := zrm.NewModifyResourceTagsRequest()
	change.ResourceUuid = str(id)
	change.ReplaceTags = []*zrm.Tag{{Key: str("env"), Value: str("sdk-go")}}
	change.DeleteTagKeys = []string{"suite"}
	_, err = tags.ModifyResourceTags(change)
	must(t, "ModifyResourceTags", err)
	zrmRec.checkEnvelope(t, "ModifyResourceTags", zrm.NewModifyResourceTagsResponse())
	got := describeInstance(t, c, rec, id).Tags
	if got == nil || len(got.Tags) != 1 || deref(got.Tags[0].Key) != "env" || deref(got.Tags[0].Value) != "sdk-go" {
		t.Errorf("ModifyResourceTags: DescribeInstances shows %+v", got)
	}

	userRec := &recorder{}
	users, err := user.NewClient(config(userRec), keyID, keyPass)
	must(t, "user.NewClient", err)
	move := user.NewAddResourceResourceGroupRequest()
	move.Resources, move.ResourceGroupId = []string{id}, str(stagingGroup)
	_, err = users.AddResourceResourceGroup(move)
	must(t, "AddResourceResourceGroup", err)
	userRec.checkEnvelope(t, "AddResourceResourceGroup", user.NewAddResourceResourceGroupResponse())
	if deref(describeInstance(t, c, rec, id).ResourceGroupName) != "staging" {
		t.Errorf("AddResourceResourceGroup: resource group not shown")
	}

	// Terraform's destroy with force_delete: release, wait RECYCLE, release again, wait gone.
	release := zec24.NewReleaseInstancesRequest()
	release.InstanceIds = []string{id}
	_, err = c24.ReleaseInstances(release)
	must(t, "ReleaseInstances", err)
	rec24.checkEnvelope(t, "ReleaseInstances", zec24.NewReleaseInstancesResponse())
	waitInstance(t, c, rec, id, "RECYCLE")
	_, err = c24.StartInstances(start)
	expectCode(t, err, "OPERATION_DENIED_INSTANCE_RECYCLED")
	_, err = c24.ReleaseInstances(release)
	must(t, "ReleaseInstances", err)
	waitInstance(t, c, rec, id, "")
	_, err = c24.ReleaseInstances(release)
	expectCode(t, err, "INVALID_INSTANCE_NOT_FOUND")
}

// TestEveryNetworkActionCalled: every action of this file answered 200 through the SDK at least
// once, so each was decoded into its typed response. Skipped under -run.
func TestEveryNetworkActionCalled(t *testing.T) {
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		t.Skip("only meaningful when the whole suite runs")
	}
	var missing []string
	for _, action := range networkActions {
		if _, ok := succeeded.Load(action); !ok {
			missing = append(missing, action)
		}
	}
	if len(missing) > 0 {
		t.Errorf("actions never answered 200 through the SDK: %v", missing)
	}
}
