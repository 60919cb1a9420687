"""Fidelity tests: the official zenlayercloud-sdk-python against the zec-emulator.

Each call goes through the SDK's own ZecClient / request models / ZenlayerCloudSdkException.
The runner (test/sdk/run.mjs) starts a fresh emulator for this suite and passes
ZEC_SDK_ENDPOINT (host:port), ZEC_SDK_ACCESS_KEY_ID, ZEC_SDK_ACCESS_KEY_PASSWORD and ZEC_SDK_TOKEN.

Tests run in file order against one emulator. Every test only relies on the demo fixtures
(fixtures/demo.json) plus what it creates itself; the snapshot tests record what they create
in CREATED so the deletion test can clean it up (it creates its own snapshot when run alone).
The disk, rollback and policy tests create their own disks and policies and release or delete them.
"""
import json
import os
import re
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from zenlayercloud.common.config import Config
from zenlayercloud.common.credential import Credential, TokenCredential
from zenlayercloud.common.excpetion.zenlayer_cloud_sdk_exception import ZenlayerCloudSdkException
from zenlayercloud.zec.v20240401 import models as models24
from zenlayercloud.zec.v20240401 import zec_client as zec_client24
from zenlayercloud.zec.v20250901 import models
from zenlayercloud.zec.v20250901 import zec_client

ENDPOINT = os.environ.get("ZEC_SDK_ENDPOINT", "127.0.0.1:8080")
ACCESS_KEY_ID = os.environ.get("ZEC_SDK_ACCESS_KEY_ID", "ZEC-EMULATOR-DEMO-KEY")
ACCESS_KEY_PASSWORD = os.environ.get("ZEC_SDK_ACCESS_KEY_PASSWORD", "zec-emulator-demo-password")
TOKEN = os.environ.get("ZEC_SDK_TOKEN", "zec-emulator-demo-token")

DISK_IN_USE = "1400000000000000002"        # asia-east-1a, DATA, IN_USE, 2 fixture snapshots
DISK_AVAILABLE = "1400000000000000003"     # asia-east-1a, DATA, AVAILABLE, 1 fixture snapshot
DISK_NO_SNAPSHOT_ABILITY = "1400000000000000005"
DISK_CREATING = "1400000000000000006"
DISK_EMPTY = "1400000000000000013"         # asia-southeast-1a, DATA, AVAILABLE, no snapshots
DISK_MISSING = "1499999999999999999"
SNAPSHOT_QUOTA_PER_DISK = 3                # the runner starts the emulator with --snapshot-quota-per-disk 3

TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
ID_RE = re.compile(r"^\d{19}$")
POLL_INTERVAL_S = 0.5
POLL_ATTEMPTS = 60                         # 30 s per wait; the emulator settles after 1 s

CREATED = []                               # snapshot ids created by this module, deleted at the end


def config():
    return Config(scheme="http", domain=ENDPOINT, request_timeout=30, rate_limit_max_retries=0)


def client(password=ACCESS_KEY_PASSWORD):
    return zec_client.ZecClient(Credential(ACCESS_KEY_ID, password), config())


def client24():
    return zec_client24.ZecClient(Credential(ACCESS_KEY_ID, ACCESS_KEY_PASSWORD), config())


def utc_in(hours):
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def unique_name(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def expect_code(code, call, *args):
    with pytest.raises(ZenlayerCloudSdkException) as info:
        call(*args)
    assert info.value.code == code, str(info.value)
    assert isinstance(info.value.request_id, str) and info.value.request_id, "error body must carry requestId"
    assert isinstance(info.value.message, str)
    return info.value


def is_int(value):
    return type(value) is int


def check_disk(disk):
    """Field types as the SDK models declare them (Go fails on any mismatch, Python does not)."""
    assert isinstance(disk.diskId, str) and ID_RE.match(disk.diskId), disk
    assert isinstance(disk.diskName, str)
    assert isinstance(disk.zoneId, str)
    assert disk.diskType in ("SYSTEM", "DATA"), disk
    assert isinstance(disk.diskStatus, str) and disk.diskStatus, disk
    assert isinstance(disk.diskCategory, str)
    assert is_int(disk.diskSize), disk
    assert isinstance(disk.portable, bool), disk
    assert isinstance(disk.snapshotAbility, bool), disk
    assert isinstance(disk.createTime, str) and TIME_RE.match(disk.createTime), disk
    for optional_str in ("instanceId", "instanceName", "expiredTime", "resourceGroupId",
                         "resourceGroupName", "serial"):
        value = getattr(disk, optional_str, None)
        assert value is None or isinstance(value, str), (optional_str, disk)
    period = getattr(disk, "period", None)
    assert period is None or is_int(period), disk


def check_snapshot(snap):
    assert isinstance(snap.snapshotId, str) and ID_RE.match(snap.snapshotId), snap
    assert isinstance(snap.snapshotName, str)
    assert isinstance(snap.zoneId, str) and snap.zoneId, snap
    assert snap.status in ("CREATING", "AVAILABLE", "FAILED", "ROLLING_BACK", "DELETING"), snap
    assert isinstance(snap.diskId, str) and snap.diskId, snap
    assert isinstance(snap.createTime, str) and TIME_RE.match(snap.createTime), snap
    if isinstance(snap, models.SnapshotInfo):  # the 2024-04-01 Python model has neither field
        assert snap.snapshotType in ("Auto", "Manual"), snap
        assert snap.retentionTime is None or TIME_RE.match(snap.retentionTime), snap
    assert snap.diskAbility is None or isinstance(snap.diskAbility, bool), snap
    assert snap.resourceGroup is not None, "resourceGroup must never be omitted: %s" % snap
    assert isinstance(snap.resourceGroup.resourceGroupId, str) and snap.resourceGroup.resourceGroupId, snap
    assert isinstance(snap.resourceGroup.resourceGroupName, str), snap


def describe_disks(c, **filters):
    request = models.DescribeDisksRequest()
    for key, value in filters.items():
        setattr(request, key, value)
    response = c.DescribeDisks(request)
    assert isinstance(response.requestId, str) and response.requestId
    assert is_int(response.totalCount), response
    assert isinstance(response.dataSet, list), "dataSet must be a list, even when empty"
    for disk in response.dataSet:
        check_disk(disk)
    return response


def describe_snapshots(c, mod=models, **filters):
    request = mod.DescribeSnapshotsRequest()
    for key, value in filters.items():
        setattr(request, key, value)
    response = c.DescribeSnapshots(request)
    assert is_int(response.totalCount), response
    assert isinstance(response.dataSet, list), "dataSet must be a list, even when empty"
    for snap in response.dataSet:
        check_snapshot(snap)
    return response


def create_snapshot(c, disk_id, retention=None, mod=models):
    request = mod.CreateSnapshotRequest()
    request.diskId = disk_id
    request.snapshotName = unique_name("sdk-py")
    request.retentionTime = retention
    response = c.CreateSnapshot(request)
    assert isinstance(response.snapshotId, str) and ID_RE.match(response.snapshotId), response
    assert isinstance(response.requestId, str) and response.requestId
    return response.snapshotId, request.snapshotName


def wait_snapshot(c, snapshot_id, status="AVAILABLE", mod=models):
    last = None
    for _ in range(POLL_ATTEMPTS):
        response = describe_snapshots(c, mod, snapshotIds=[snapshot_id])
        assert response.totalCount == 1, response
        last = response.dataSet[0]
        if last.status == status:
            return last
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("snapshot %s never reached %s (last: %s)" % (snapshot_id, status, last))


def wait_gone(c, snapshot_ids, mod=models):
    for _ in range(POLL_ATTEMPTS):
        if describe_snapshots(c, mod, snapshotIds=list(snapshot_ids)).totalCount == 0:
            return
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("snapshots %s still listed after deletion" % snapshot_ids)


# --- zones and disks --------------------------------------------------------------------------

def test_describe_zones():
    response = client().DescribeZones(models.DescribeZonesRequest())
    assert isinstance(response.requestId, str) and response.requestId
    zones = {zone.zoneId: zone for zone in response.zoneSet}
    assert "asia-east-1a" in zones
    zone = zones["asia-east-1a"]
    assert zone.regionId == "asia-east-1"
    assert isinstance(zone.zoneName, str)
    assert isinstance(zone.supportHaVip, bool)


def test_describe_zones_by_id():
    request = models.DescribeZonesRequest()
    request.zoneIds = ["na-west-1a"]
    response = client().DescribeZones(request)
    assert [zone.zoneId for zone in response.zoneSet] == ["na-west-1a"]


def admin(method, path, body=None):
    """The emulator's admin API (no admin token: the runner starts the emulator without one)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request("http://%s%s" % (ENDPOINT, path), data=data, method=method,
                                     headers={"content-type": "application/json"} if data else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_throttle_fault_is_retried_by_the_sdk():
    """A throttle rule (429 REQUEST_LIMIT_EXCEEDED) for the next call only: the SDK retries and succeeds."""
    rule = admin("POST", "/_emulator/faults", {"action": "DescribeZones", "throttle": True, "times": 1})
    try:
        retrying = Config(scheme="http", domain=ENDPOINT, request_timeout=30, rate_limit_max_retries=2,
                          rate_limit_retry_duration=lambda index: 0.05)
        c = zec_client.ZecClient(Credential(ACCESS_KEY_ID, ACCESS_KEY_PASSWORD), retrying)
        response = c.DescribeZones(models.DescribeZonesRequest())
        assert any(zone.zoneId == "asia-east-1a" for zone in response.zoneSet)
        listed = [r for r in admin("GET", "/_emulator/faults")["faults"] if r["id"] == rule["id"]]
        assert len(listed) == 1 and listed[0]["hits"] == 1 and listed[0]["active"] is False, listed
        calls = admin("GET", "/_emulator/requests?action=DescribeZones&limit=2")["requests"]
        assert [(r["status"], r["code"]) for r in calls] == [(200, None), (429, "REQUEST_LIMIT_EXCEEDED")], calls
        assert calls[1]["fault"] == rule["id"] and calls[1]["accessKeyId"] == ACCESS_KEY_ID
    finally:
        admin("DELETE", "/_emulator/faults/%s" % rule["id"])


def test_describe_disks_filters():
    c = client()
    everything = describe_disks(c, pageSize=100)
    assert everything.totalCount >= 13 and len(everything.dataSet) == everything.totalCount

    by_zone = describe_disks(c, zoneId="asia-east-1a", pageSize=100)
    assert by_zone.totalCount > 0 and all(d.zoneId == "asia-east-1a" for d in by_zone.dataSet)
    assert by_zone.totalCount < everything.totalCount

    data = describe_disks(c, diskType="DATA", pageSize=100)
    assert data.totalCount > 0 and all(d.diskType == "DATA" for d in data.dataSet)

    available = describe_disks(c, diskStatus="AVAILABLE", pageSize=100)
    assert {DISK_AVAILABLE, DISK_EMPTY} <= {d.diskId for d in available.dataSet}
    assert all(d.diskStatus == "AVAILABLE" for d in available.dataSet)

    combined = describe_disks(c, zoneId="asia-east-1a", diskType="DATA", diskStatus="IN_USE")
    assert DISK_IN_USE in {d.diskId for d in combined.dataSet}
    assert all(d.zoneId == "asia-east-1a" and d.diskType == "DATA" and d.diskStatus == "IN_USE"
               for d in combined.dataSet)

    by_ids = describe_disks(c, diskIds=[DISK_IN_USE, DISK_AVAILABLE])
    assert by_ids.totalCount == 2
    assert sorted(d.diskId for d in by_ids.dataSet) == [DISK_IN_USE, DISK_AVAILABLE]
    in_use = next(d for d in by_ids.dataSet if d.diskId == DISK_IN_USE)
    assert in_use.diskStatus == "IN_USE" and in_use.instanceId == "1300000000000000001"

    unknown = describe_disks(c, diskIds=[DISK_MISSING])
    assert unknown.totalCount == 0 and unknown.dataSet == []


def test_describe_disks_paging():
    c = client()
    page1 = describe_disks(c, pageSize=2, pageNum=1)
    page2 = describe_disks(c, pageSize=2, pageNum=2)
    assert page1.totalCount == page2.totalCount and page1.totalCount >= 4
    assert len(page1.dataSet) == 2 and len(page2.dataSet) == 2
    assert not {d.diskId for d in page1.dataSet} & {d.diskId for d in page2.dataSet}


def test_snapshot_ability_flag():
    disks = describe_disks(client(), diskIds=[DISK_NO_SNAPSHOT_ABILITY, DISK_EMPTY]).dataSet
    ability = {d.diskId: d.snapshotAbility for d in disks}
    assert ability == {DISK_NO_SNAPSHOT_ABILITY: False, DISK_EMPTY: True}


# --- CreateSnapshot ---------------------------------------------------------------------------

def test_create_snapshot_without_retention():
    c = client()
    snapshot_id, name = create_snapshot(c, DISK_EMPTY)
    CREATED.append(snapshot_id)
    snap = wait_snapshot(c, snapshot_id)
    assert snap.snapshotName == name
    assert snap.snapshotType == "Manual"
    assert snap.diskId == DISK_EMPTY
    assert snap.zoneId == "asia-southeast-1a"
    assert snap.retentionTime is None


def test_create_snapshot_with_retention():
    c = client()
    retention = utc_in(48)
    snapshot_id, _ = create_snapshot(c, DISK_AVAILABLE, retention)
    CREATED.append(snapshot_id)
    snap = wait_snapshot(c, snapshot_id)
    assert snap.snapshotType == "Manual"
    assert snap.diskId == DISK_AVAILABLE
    assert snap.zoneId == "asia-east-1a"
    assert snap.retentionTime == retention


def test_create_snapshot_disk_not_found():
    request = models.CreateSnapshotRequest()
    request.diskId = DISK_MISSING
    request.snapshotName = unique_name("sdk-py")
    expect_code("INVALID_DISK_NOT_FOUND", client().CreateSnapshot, request)


@pytest.mark.parametrize("disk_id", [DISK_CREATING, DISK_NO_SNAPSHOT_ABILITY])
def test_create_snapshot_unsupported_disk_status(disk_id):
    request = models.CreateSnapshotRequest()
    request.diskId = disk_id
    request.snapshotName = unique_name("sdk-py")
    expect_code("UNSUPPORTED_OPERATION_DISK_STATUS", client().CreateSnapshot, request)


def test_create_snapshot_retention_too_soon():
    request = models.CreateSnapshotRequest()
    request.diskId = DISK_AVAILABLE
    request.snapshotName = unique_name("sdk-py")
    request.retentionTime = utc_in(1)
    expect_code("INVALID_SNAPSHOT_RETENTION_TIME", client().CreateSnapshot, request)


def test_create_snapshot_quota_exceeded():
    c = client()
    existing = describe_snapshots(c, diskIds=[DISK_EMPTY], pageSize=100).totalCount
    assert existing <= SNAPSHOT_QUOTA_PER_DISK
    for _ in range(SNAPSHOT_QUOTA_PER_DISK - existing):
        snapshot_id, _ = create_snapshot(c, DISK_EMPTY)
        CREATED.append(snapshot_id)
    request = models.CreateSnapshotRequest()
    request.diskId = DISK_EMPTY
    request.snapshotName = unique_name("sdk-py")
    expect_code("INVALID_SNAPSHOT_QUOTA_EXCEED", c.CreateSnapshot, request)
    assert describe_snapshots(c, diskIds=[DISK_EMPTY], pageSize=100).totalCount == SNAPSHOT_QUOTA_PER_DISK


# --- DeleteSnapshots --------------------------------------------------------------------------

def test_delete_snapshots():
    c = client()
    if not CREATED:
        CREATED.append(create_snapshot(c, DISK_EMPTY)[0])
    for snapshot_id in CREATED:
        wait_snapshot(c, snapshot_id)
    request = models.DeleteSnapshotsRequest()
    request.snapshotIds = list(CREATED)
    response = c.DeleteSnapshots(request)
    assert not response.snapshotIds, "snapshotIds lists the ids that failed: %s" % response.snapshotIds
    wait_gone(c, CREATED)
    CREATED.clear()


# --- authentication ---------------------------------------------------------------------------

def test_wrong_password_is_rejected():
    expect_code("AUTHFAILURE_SIGNATURE_FAILURE", client("not-the-password").DescribeZones,
                models.DescribeZonesRequest())


def test_unknown_access_key_is_rejected():
    bad = zec_client.ZecClient(Credential("NO-SUCH-KEY", ACCESS_KEY_PASSWORD), config())
    with pytest.raises(ZenlayerCloudSdkException) as info:
        bad.DescribeZones(models.DescribeZonesRequest())
    assert info.value.code.startswith("AUTHFAILURE_"), str(info.value)


def test_bearer_token_client():
    token_client = zec_client.ZecClient(TokenCredential(TOKEN), config())
    zones = token_client.DescribeZones(models.DescribeZonesRequest()).zoneSet
    assert "asia-east-1a" in {zone.zoneId for zone in zones}
    disks = describe_disks(token_client, diskIds=[DISK_AVAILABLE])
    assert disks.totalCount == 1


def test_wrong_token_is_rejected():
    bad = zec_client.ZecClient(TokenCredential("not-a-token"), config())
    with pytest.raises(ZenlayerCloudSdkException) as info:
        bad.DescribeZones(models.DescribeZonesRequest())
    assert info.value.code.startswith("AUTHFAILURE_"), str(info.value)


# --- the 2024-04-01 client package ------------------------------------------------------------

def test_v20240401_describe_disks():
    request = models24.DescribeDisksRequest()
    request.zoneId = "asia-east-1a"
    request.diskType = "DATA"
    request.pageSize = 2
    request.pageNum = 1
    response = client24().DescribeDisks(request)
    assert is_int(response.totalCount) and response.totalCount > 2
    assert len(response.dataSet) == 2
    for disk in response.dataSet:
        assert disk.zoneId == "asia-east-1a" and disk.diskType == "DATA"
        assert is_int(disk.diskSize) and isinstance(disk.portable, bool)
        assert isinstance(disk.diskStatus, str)


def test_v20240401_snapshot_round_trip():
    c = client24()
    snapshot_id, name = create_snapshot(c, DISK_IN_USE, utc_in(48), mod=models24)
    snap = wait_snapshot(c, snapshot_id, mod=models24)
    assert snap.snapshotName == name
    assert snap.diskId == DISK_IN_USE and snap.zoneId == "asia-east-1a"
    request = models24.DeleteSnapshotsRequest()
    request.snapshotIds = [snapshot_id]
    assert not c.DeleteSnapshots(request).snapshotIds
    wait_gone(c, [snapshot_id], mod=models24)


def test_v20240401_create_snapshot_disk_not_found():
    request = models24.CreateSnapshotRequest()
    request.diskId = DISK_MISSING
    request.snapshotName = unique_name("sdk-py")
    expect_code("INVALID_DISK_NOT_FOUND", client24().CreateSnapshot, request)


# --- instances ---------------------------------------------------------------------------------

INSTANCE_RUNNING = "1300000000000000001"   # web-01, asia-east-1a, RUNNING: system disk ...001, data disk ...002
INSTANCE_STOPPED = "1300000000000000002"   # db-01, asia-east-1a, STOPPED
INSTANCE_SG = "1300000000000000003"        # sg-app-01, asia-southeast-1a, RUNNING
GROUP_STAGING = "2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32"
CATEGORIES = ("Basic NVMe SSD", "Standard NVMe SSD")


def is_number(value):
    return type(value) in (int, float)


def check_instance(instance):
    assert isinstance(instance.instanceId, str) and ID_RE.match(instance.instanceId), instance
    for name in ("instanceName", "zoneId", "instanceType", "imageId", "imageName", "timeZone", "nicNetworkType",
                 "status", "resourceGroupId", "resourceGroupName"):
        assert isinstance(getattr(instance, name), str), (name, instance)
    assert is_int(instance.cpu) and is_int(instance.memory), instance
    assert isinstance(instance.createTime, str) and TIME_RE.match(instance.createTime), instance
    for name in ("enableAgent", "enableAgentMonitor", "enableIpForward"):
        assert isinstance(getattr(instance, name), bool), (name, instance)
    for name in ("publicIpAddresses", "privateIpAddresses", "loadBalancerIds"):
        values = getattr(instance, name)
        assert isinstance(values, list) and all(isinstance(v, str) for v in values), (name, instance)
    for name in ("keyId", "subnetId", "securityGroupId", "expiredTime", "placementGroupId"):
        value = getattr(instance, name)
        assert value is None or isinstance(value, str), (name, instance)
    if instance.systemDisk is not None:
        system = instance.systemDisk
        assert isinstance(system.diskId, str) and is_int(system.diskSize), instance
        assert system.diskCategory in CATEGORIES and isinstance(system.burstingEnabled, bool), instance
    assert isinstance(instance.dataDisks, list), "dataDisks must be a list: %s" % instance
    for disk in instance.dataDisks:
        assert isinstance(disk.diskId, str) and isinstance(disk.diskName, str), disk
        assert is_int(disk.diskSize) and is_int(disk.diskAmount), disk
        assert isinstance(disk.portable, bool) and isinstance(disk.burstingEnabled, bool), disk
        assert disk.diskCategory in CATEGORIES, disk


def describe_instances(c, **filters):
    request = models.DescribeInstancesRequest()
    for key, value in filters.items():
        setattr(request, key, value)
    response = c.DescribeInstances(request)
    assert isinstance(response.requestId, str) and response.requestId
    assert is_int(response.totalCount), response
    assert isinstance(response.dataSet, list), "dataSet must be a list, even when empty"
    for instance in response.dataSet:
        check_instance(instance)
    return response


def test_describe_instances():
    c = client()
    response = describe_instances(c, instanceIds=[INSTANCE_RUNNING, INSTANCE_STOPPED])
    assert response.totalCount == 2
    by_id = {i.instanceId: i for i in response.dataSet}
    web = by_id[INSTANCE_RUNNING]
    assert web.status == "RUNNING" and web.zoneId == "asia-east-1a" and web.instanceName == "web-01"
    assert web.systemDisk.diskId == "1400000000000000001" and web.systemDisk.diskSize == 40
    assert DISK_IN_USE in {d.diskId for d in web.dataDisks}
    assert by_id[INSTANCE_STOPPED].status == "STOPPED"

    by_zone = describe_instances(c, zoneId="asia-southeast-1a")
    assert [i.instanceId for i in by_zone.dataSet] == [INSTANCE_SG]
    stopped = describe_instances(c, status="STOPPED", pageSize=100)
    assert INSTANCE_STOPPED in {i.instanceId for i in stopped.dataSet}
    assert all(i.status == "STOPPED" for i in stopped.dataSet)
    unknown = describe_instances(c, instanceIds=["1399999999999999999"])
    assert unknown.totalCount == 0 and unknown.dataSet == []


def test_describe_instances_status():
    c = client()
    request = models.DescribeInstancesStatusRequest()
    request.instanceIds = [INSTANCE_RUNNING, INSTANCE_STOPPED, INSTANCE_SG]
    response = c.DescribeInstancesStatus(request)
    assert response.totalCount == 3
    statuses = {item.instanceId: item.instanceStatus for item in response.dataSet}
    assert statuses == {INSTANCE_RUNNING: "RUNNING", INSTANCE_STOPPED: "STOPPED", INSTANCE_SG: "RUNNING"}

    paged = models.DescribeInstancesStatusRequest()
    paged.pageSize = 2
    paged.pageNum = 2
    page2 = c.DescribeInstancesStatus(paged)
    assert is_int(page2.totalCount) and page2.totalCount >= 3
    assert len(page2.dataSet) == min(2, page2.totalCount - 2)


# --- the disk catalogue and prices --------------------------------------------------------------

def test_describe_disk_regions():
    response = client().DescribeDiskRegions(models.DescribeDiskRegionsRequest())
    assert isinstance(response.regionIds, list) and all(isinstance(r, str) for r in response.regionIds)
    assert {"asia-east-1", "asia-southeast-1", "na-west-1"} <= set(response.regionIds)


def test_describe_disk_category():
    c = client()
    request = models.DescribeDiskCategoryRequest()
    request.zoneId = "asia-east-1a"
    response = c.DescribeDiskCategory(request)
    assert [item.zoneId for item in response.categoryZoneSet] == ["asia-east-1a"]
    assert set(response.categoryZoneSet[0].categorySet) == set(CATEGORIES)

    basic = models.DescribeDiskCategoryRequest()
    basic.diskCategory = "Basic NVMe SSD"
    response = c.DescribeDiskCategory(basic)
    assert len(response.categoryZoneSet) >= 4
    assert all(item.categorySet == ["Basic NVMe SSD"] for item in response.categoryZoneSet)


def test_inquiry_price_create_disks():
    def price(amount):
        request = models.InquiryPriceCreateDisksRequest()
        request.zoneId = "asia-east-1a"
        request.diskSize = 100
        request.diskAmount = amount
        request.diskCategory = "Standard NVMe SSD"
        item = client().InquiryPriceCreateDisks(request).dataDiskPrice
        assert item is not None, "dataDiskPrice must be present"
        assert is_number(item.discount) and is_number(item.unitPrice) and is_number(item.discountUnitPrice), item
        assert item.chargeUnit in ("HOUR", "DAY", "MONTH") and item.category in ("STANDARD", "CUSTOMIZED"), item
        assert isinstance(item.stepPrices, list), item
        for optional in ("discountPrice", "originalPrice", "excessUnitPrice", "excessDiscountUnitPrice"):
            assert getattr(item, optional) is None or is_number(getattr(item, optional)), (optional, item)
        return item
    one, two = price(1), price(2)
    assert one.unitPrice > 0 and two.unitPrice == pytest.approx(2 * one.unitPrice, rel=1e-3)


# --- the disk lifecycle -------------------------------------------------------------------------

def describe_disk(c, disk_id):
    response = describe_disks(c, diskIds=[disk_id])
    return response.dataSet[0] if response.totalCount == 1 else None


def wait_disk(c, disk_id, status, seen=None):
    """Polls DescribeDisks until the disk is in `status`; `seen` collects every status observed."""
    last = None
    for _ in range(POLL_ATTEMPTS):
        last = describe_disk(c, disk_id)
        assert last is not None, "disk %s disappeared while waiting for %s" % (disk_id, status)
        if seen is not None:
            seen.append(last.diskStatus)
        if last.diskStatus == status:
            return last
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("disk %s never reached %s (last: %s)" % (disk_id, status, last))


def wait_disk_gone(c, disk_id):
    for _ in range(POLL_ATTEMPTS):
        response = describe_disks(c, diskIds=[disk_id])
        if response.totalCount == 0:
            assert response.dataSet == []
            return
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("disk %s still listed after the second ReleaseDisk" % disk_id)


def create_disk(c, zone_id="asia-east-1a", size=20, tags=None):
    request = models.CreateDisksRequest()
    request.zoneId = zone_id
    request.diskName = unique_name("sdk-py-disk")
    request.diskSize = size
    request.diskCategory = "Standard NVMe SSD"
    if tags:
        request.tags = models.TagAssociation()
        request.tags.tags = []
        for key, value in tags.items():
            tag = models.Tag()
            tag.key, tag.value = key, value
            request.tags.tags.append(tag)
    response = c.CreateDisks(request)
    assert isinstance(response.requestId, str) and response.requestId
    assert isinstance(response.diskIds, list) and len(response.diskIds) == 1, response
    assert ID_RE.match(response.diskIds[0]), response
    assert isinstance(response.orderNumber, str) and response.orderNumber, response
    return response.diskIds[0], request.diskName


def _release_request(disk_id):
    request = models.ReleaseDiskRequest()
    request.diskId = disk_id
    return request


def release_twice(c, disk_id):
    """ReleaseDisk → RECYCLED, ReleaseDisk again → gone (totalCount 0)."""
    request = _release_request(disk_id)
    assert c.ReleaseDisk(request).requestId
    wait_disk(c, disk_id, "RECYCLED")
    assert c.ReleaseDisk(request).requestId
    wait_disk_gone(c, disk_id)


def test_disk_lifecycle():
    c = client()
    disk_id, name = create_disk(c, tags={"suite": "sdk-py"})
    seen = []
    disk = wait_disk(c, disk_id, "AVAILABLE", seen)
    assert seen[0] in ("CREATING", "AVAILABLE"), seen
    assert disk.diskName == name and disk.diskSize == 20 and disk.diskType == "DATA"
    assert disk.zoneId == "asia-east-1a" and disk.regionId == "asia-east-1"
    assert disk.portable is True and disk.snapshotAbility is True and disk.burstingEnabled is False
    assert not disk.instanceId and not disk.autoSnapshotPolicyId
    assert [(t.key, t.value) for t in disk.tags.tags] == [("suite", "sdk-py")]

    rename = models.ModifyDisksAttributesRequest()
    rename.diskIds = [disk_id]
    rename.diskName = unique_name("sdk-py-renamed")
    assert c.ModifyDisksAttributes(rename).requestId
    assert describe_disk(c, disk_id).diskName == rename.diskName

    inquiry = models.InquiryPriceResizeDiskRequest()
    inquiry.diskId = disk_id
    inquiry.diskSize = 30
    priced = c.InquiryPriceResizeDisk(inquiry)
    assert is_number(priced.diskPrice.unitPrice) and priced.diskPrice.chargeUnit == "HOUR", priced
    assert priced.previousPrices is not None and is_number(priced.previousPrices.diskPrice.unitPrice), priced
    assert priced.previousPrices.diskPrice.unitPrice < priced.diskPrice.unitPrice, priced
    assert priced.specPrice is None and priced.gpuPrice is None and priced.acceleratorPrice is None, priced
    perf = priced.diskPerf
    assert all(is_int(v) for v in (perf.maxIops, perf.maxBandwidth, perf.iopsBurst, perf.bandwidthBurst)), perf

    resize = models.ResizeDiskRequest()
    resize.diskId = disk_id
    resize.diskSize = 30
    assert c.ResizeDisk(resize).requestId
    seen = []
    disk = wait_disk(c, disk_id, "AVAILABLE", seen)
    assert "CHANGING" in seen, seen
    assert disk.diskSize == 30

    attach = models.AttachDisksRequest()
    attach.diskIds = [disk_id]
    attach.instanceId = INSTANCE_RUNNING
    attached = c.AttachDisks(attach)
    assert attached.requestId
    assert attached.failedDiskIds == [], "failedDiskIds must be [] on success: %s" % attached.failedDiskIds
    disk = wait_disk(c, disk_id, "IN_USE")
    assert disk.instanceId == INSTANCE_RUNNING and disk.instanceName == "web-01"
    web = describe_instances(c, instanceIds=[INSTANCE_RUNNING]).dataSet[0]
    assert disk_id in {d.diskId for d in web.dataDisks}

    again = models.AttachDisksRequest()
    again.diskIds = [disk_id]
    again.instanceId = INSTANCE_STOPPED
    expect_code("UNSUPPORTED_OPERATION_DISK_ATTACHED", c.AttachDisks, again)
    release = _release_request(disk_id)
    expect_code("UNSUPPORTED_OPERATION_DISK_STATUS", c.ReleaseDisk, release)
    offline_only = models.DetachDisksRequest()          # instanceCheckFlag defaults to true: STOPPED only
    offline_only.diskIds = [disk_id]
    expect_code("UNSUPPORTED_OPERATION_INSTANCE_STATUS", c.DetachDisks, offline_only)

    detach = models.DetachDisksRequest()
    detach.diskIds = [disk_id]
    detach.instanceCheckFlag = False
    response = c.DetachDisks(detach)
    assert response.failedDiskIds == [], "failedDiskIds must be [] on success: %s" % response.failedDiskIds
    disk = wait_disk(c, disk_id, "AVAILABLE")
    assert not disk.instanceId and not disk.instanceName

    assert c.ReleaseDisk(release).requestId
    wait_disk(c, disk_id, "RECYCLED")
    expect_code("INVALID_DISK_NOT_FOUND", c.ReleaseDisk, _release_request(DISK_MISSING))
    assert c.ReleaseDisk(release).requestId
    wait_disk_gone(c, disk_id)


def test_attach_to_instance_in_another_zone():
    request = models.AttachDisksRequest()
    request.diskIds = [DISK_EMPTY]                      # asia-southeast-1a
    request.instanceId = INSTANCE_RUNNING               # asia-east-1a
    expect_code("INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED", client().AttachDisks, request)


# --- rollback and snapshot attributes -----------------------------------------------------------

def wait_snapshot_statuses(c, snapshot_id, status, seen):
    for _ in range(POLL_ATTEMPTS):
        snap = describe_snapshots(c, snapshotIds=[snapshot_id]).dataSet[0]
        seen.append(snap.status)
        if snap.status == status:
            return snap
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("snapshot %s never reached %s (seen %s)" % (snapshot_id, status, seen))


def test_apply_snapshot_and_modify_snapshots_attribute():
    c = client()
    disk_id, _ = create_disk(c)
    wait_disk(c, disk_id, "AVAILABLE")
    snapshot_id, _ = create_snapshot(c, disk_id)
    wait_snapshot(c, snapshot_id)

    apply = models.ApplySnapshotRequest()
    apply.snapshotId = snapshot_id
    apply.diskId = disk_id
    assert c.ApplySnapshot(apply).requestId
    disk_seen, snap_seen = [], []
    wait_disk(c, disk_id, "AVAILABLE", disk_seen)
    wait_snapshot_statuses(c, snapshot_id, "AVAILABLE", snap_seen)
    assert disk_seen[0] == "ROLLING_BACK", "the disk must be ROLLING_BACK right after ApplySnapshot: %s" % disk_seen

    wrong_disk = models.ApplySnapshotRequest()
    wrong_disk.snapshotId = snapshot_id
    wrong_disk.diskId = DISK_MISSING
    expect_code("INVALID_DISK_NOT_FOUND", c.ApplySnapshot, wrong_disk)
    missing = models.ApplySnapshotRequest()
    missing.snapshotId = "1599999999999999999"
    missing.diskId = disk_id
    expect_code("INVALID_DISK_SNAPSHOT_NOT_FOUND", c.ApplySnapshot, missing)

    modify = models.ModifySnapshotsAttributeRequest()
    modify.snapshotIds = [snapshot_id]
    modify.snapshotName = unique_name("sdk-py-renamed")
    modify.retentionTime = utc_in(72)
    assert c.ModifySnapshotsAttribute(modify).requestId
    snap = describe_snapshots(c, snapshotIds=[snapshot_id]).dataSet[0]
    assert snap.snapshotName == modify.snapshotName and snap.retentionTime == modify.retentionTime

    permanent = models.ModifySnapshotsAttributeRequest()
    permanent.snapshotIds = [snapshot_id]
    permanent.isPermanent = True
    assert c.ModifySnapshotsAttribute(permanent).requestId
    assert describe_snapshots(c, snapshotIds=[snapshot_id]).dataSet[0].retentionTime is None

    too_soon = models.ModifySnapshotsAttributeRequest()
    too_soon.snapshotIds = [snapshot_id]
    too_soon.retentionTime = utc_in(1)
    expect_code("INVALID_SNAPSHOT_RETENTION_TIME", c.ModifySnapshotsAttribute, too_soon)

    delete = models.DeleteSnapshotsRequest()
    delete.snapshotIds = [snapshot_id]
    assert not c.DeleteSnapshots(delete).snapshotIds
    wait_gone(c, [snapshot_id])
    release_twice(c, disk_id)


# --- auto-snapshot policies ---------------------------------------------------------------------

def describe_policy(c, policy_id):
    request = models.DescribeAutoSnapshotPoliciesRequest()
    request.autoSnapshotPolicyIds = [policy_id]
    response = c.DescribeAutoSnapshotPolicies(request)
    assert is_int(response.totalCount) and isinstance(response.dataSet, list), response
    if response.totalCount == 0:
        assert response.dataSet == []
        return None
    policy = response.dataSet[0]
    assert policy.autoSnapshotPolicyId == policy_id
    assert isinstance(policy.autoSnapshotPolicyName, str) and isinstance(policy.zoneId, str), policy
    assert all(is_int(d) for d in policy.repeatWeekDays) and all(is_int(h) for h in policy.hours), policy
    assert is_int(policy.retentionDays) and is_int(policy.diskNum), policy
    assert isinstance(policy.diskIdSet, list) and len(policy.diskIdSet) == policy.diskNum, policy
    assert isinstance(policy.createTime, str) and TIME_RE.match(policy.createTime), policy
    assert isinstance(policy.resourceGroup.resourceGroupId, str) and policy.resourceGroup.resourceGroupId, policy
    assert isinstance(policy.tags.tags, list), policy
    return policy


def test_auto_snapshot_policy():
    c = client()
    disk_id, _ = create_disk(c)
    # An hour 12 hours away: the policy never runs while this suite does.
    far_hour = (datetime.now(timezone.utc).hour + 12) % 24
    create = models.CreateAutoSnapshotPolicyRequest()
    create.zoneId = "asia-east-1a"
    create.autoSnapshotPolicyName = unique_name("sdk-py-policy")
    create.repeatWeekDays = [5, 1, 1]
    create.hours = [far_hour]
    create.retentionDays = 7
    response = c.CreateAutoSnapshotPolicy(create)
    policy_id = response.autoSnapshotPolicyId
    assert isinstance(policy_id, str) and policy_id, response

    policy = describe_policy(c, policy_id)
    assert policy.autoSnapshotPolicyName == create.autoSnapshotPolicyName and policy.zoneId == "asia-east-1a"
    assert policy.repeatWeekDays == [1, 5] and policy.hours == [far_hour] and policy.retentionDays == 7
    assert policy.diskNum == 0 and policy.diskIdSet == []

    wait_disk(c, disk_id, "AVAILABLE")
    apply = models.ApplyAutoSnapshotPolicyRequest()
    apply.autoSnapshotPolicyId = policy_id
    apply.diskIds = [disk_id]
    assert c.ApplyAutoSnapshotPolicy(apply).requestId
    assert describe_disk(c, disk_id).autoSnapshotPolicyId == policy_id
    policy = describe_policy(c, policy_id)
    assert policy.diskIdSet == [disk_id] and policy.diskNum == 1

    elsewhere = models.ApplyAutoSnapshotPolicyRequest()
    elsewhere.autoSnapshotPolicyId = policy_id
    elsewhere.diskIds = [DISK_EMPTY]
    expect_code("INVALID_AUTO_SNAPSHOT_ZONE_MISMATCH", c.ApplyAutoSnapshotPolicy, elsewhere)

    modify = models.ModifyAutoSnapshotPolicyRequest()
    modify.autoSnapshotPolicyId = policy_id
    modify.autoSnapshotPolicyName = unique_name("sdk-py-policy2")
    modify.retentionDays = 14
    assert c.ModifyAutoSnapshotPolicy(modify).requestId
    policy = describe_policy(c, policy_id)
    assert policy.autoSnapshotPolicyName == modify.autoSnapshotPolicyName and policy.retentionDays == 14

    cancel = models.CancelAutoSnapshotPolicyRequest()
    cancel.autoSnapshotPolicyId = policy_id
    cancel.diskIds = [disk_id]
    assert c.CancelAutoSnapshotPolicy(cancel).requestId
    assert not describe_disk(c, disk_id).autoSnapshotPolicyId
    policy = describe_policy(c, policy_id)
    assert policy.diskIdSet == [] and policy.diskNum == 0

    delete = models.DeleteAutoSnapshotPoliciesRequest()
    delete.autoSnapshotPolicyIds = [policy_id]
    assert c.DeleteAutoSnapshotPolicies(delete).requestId
    assert describe_policy(c, policy_id) is None
    expect_code("INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND", c.DeleteAutoSnapshotPolicies, delete)
    release_twice(c, disk_id)


# --- the 2024-04-01 client: ChangeDisksAttach and DetachDisks ----------------------------------

def test_v20240401_change_disks_attach():
    c, c24 = client(), client24()
    disk_id, _ = create_disk(c)
    wait_disk(c, disk_id, "AVAILABLE")
    attach = models24.AttachDisksRequest()
    attach.diskIds = [disk_id]
    attach.instanceId = INSTANCE_RUNNING
    assert c24.AttachDisks(attach).requestId
    wait_disk(c, disk_id, "IN_USE")

    move = models24.ChangeDisksAttachRequest()
    move.diskIds = [disk_id]
    move.instanceId = INSTANCE_STOPPED
    assert c24.ChangeDisksAttach(move).requestId
    disk = None
    for _ in range(POLL_ATTEMPTS):
        disk = describe_disk(c, disk_id)
        if disk.diskStatus == "IN_USE" and disk.instanceId == INSTANCE_STOPPED:
            break
        time.sleep(POLL_INTERVAL_S)
    assert disk.diskStatus == "IN_USE" and disk.instanceId == INSTANCE_STOPPED, disk

    detach = models24.DetachDisksRequest()              # instanceCheckFlag defaults to true; db-01 is STOPPED
    detach.diskIds = [disk_id]
    assert c24.DetachDisks(detach).requestId
    wait_disk(c, disk_id, "AVAILABLE")
    release_twice(c, disk_id)


# --- instances and their network, zrm tags, user resource groups -------------------------------

from zenlayercloud.user.v20240529 import models as user_models  # noqa: E402
from zenlayercloud.user.v20240529 import user_client  # noqa: E402
from zenlayercloud.zrm.v20251014 import models as zrm_models  # noqa: E402
from zenlayercloud.zrm.v20251014 import zrm_client  # noqa: E402

STAGING_GROUP = "2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32"


def wait_instance(c, instance_id, status, seen=None):
    last = None
    for _ in range(POLL_ATTEMPTS):
        response = describe_instances(c, instanceIds=[instance_id])
        last = response.dataSet[0] if response.totalCount == 1 else None
        if status is None and last is None:
            return None
        assert last is not None, "instance %s disappeared while waiting for %s" % (instance_id, status)
        if seen is not None:
            seen.append(last.status)
        if last.status == status:
            return last
        time.sleep(POLL_INTERVAL_S)
    pytest.fail("instance %s never reached %s (last: %s)" % (instance_id, status, last))


def test_images_vpc_subnet_and_security_group():
    c = client()
    images = models.DescribeImagesRequest()
    images.zoneId = "asia-east-1a"
    images.pageNum, images.pageSize = 1, 100
    found = c.DescribeImages(images)
    assert is_int(found.totalCount) and found.totalCount == len(found.dataSet) > 0
    ubuntu = [i for i in found.dataSet if i.imageId == "ubuntu-22.04"][0]
    assert ubuntu.imageName == "Ubuntu 22.04 LTS" and ubuntu.osType == "linux" and isinstance(ubuntu.nicNetworkType, list)

    vpc = models.CreateVpcRequest()
    vpc.name, vpc.cidrBlock, vpc.mtu, vpc.enablePriIpv6 = unique_name("sdk-py-vpc"), "172.16.0.0/16", 1500, False
    vpc_id = c.CreateVpc(vpc).vpcId
    assert ID_RE.match(vpc_id)
    vpcs = models.DescribeVpcsRequest()
    vpcs.vpcIds = [vpc_id]
    shown = c.DescribeVpcs(vpcs)
    assert shown.totalCount == 1
    info = shown.dataSet[0]
    assert info.cidrBlock == "172.16.0.0/16" and info.mtu == 1500 and info.isDefault is False
    assert info.resourceGroup.resourceGroupId and isinstance(info.resourceGroup.resourceGroupName, str)

    bad = models.CreateVpcRequest()
    bad.name, bad.cidrBlock = "sdk-py-bad", "8.8.8.0/24"
    expect_code("INVALID_PARAMETER_VPC_LAN_IP", c.CreateVpc, bad)

    c24 = client24()
    subnet = models24.CreateSubnetRequest()
    subnet.vpcId, subnet.regionId, subnet.stackType = vpc_id, "asia-east-1", "IPv4"
    subnet.name, subnet.cidrBlock = unique_name("sdk-py-subnet"), "172.16.1.0/24"
    subnet_id = c24.CreateSubnet(subnet).subnetId
    assert ID_RE.match(subnet_id)
    overlap = models24.CreateSubnetRequest()
    overlap.vpcId, overlap.regionId, overlap.stackType = vpc_id, "asia-east-1", "IPv4"
    overlap.name, overlap.cidrBlock = "sdk-py-overlap", "172.16.1.128/25"
    expect_code("INVALID_PARAMETER_VPC_SUBNET_OVER_LAP", c24.CreateSubnet, overlap)
    subnets = models.DescribeSubnetsRequest()
    subnets.subnetIds = [subnet_id]
    s = c.DescribeSubnets(subnets).dataSet[0]
    assert s.vpcId == vpc_id and s.cidrBlock == "172.16.1.0/24" and s.gatewayIpAddress == "172.16.1.1" and s.stackType == "IPv4"

    group = models.CreateSecurityGroupRequest()
    group.securityGroupName = unique_name("sdk-py-sg")
    group_id = c.CreateSecurityGroup(group).securityGroupId
    groups = models.DescribeSecurityGroupsRequest()
    groups.securityGroupIds = [group_id]
    assert c.DescribeSecurityGroups(groups).dataSet[0].scope == "Global"
    delete_group = models24.DeleteSecurityGroupRequest()
    delete_group.securityGroupId = group_id
    assert c24.DeleteSecurityGroup(delete_group).requestId

    delete_vpc = models24.DeleteVpcRequest()
    delete_vpc.vpcId = vpc_id
    expect_code("OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN", c24.DeleteVpc, delete_vpc)
    delete_subnet = models24.DeleteSubnetRequest()
    delete_subnet.subnetId = subnet_id
    assert c24.DeleteSubnet(delete_subnet).requestId
    assert c24.DeleteVpc(delete_vpc).requestId
    expect_code("INVALID_VPC_NOT_FOUND", c24.DeleteVpc, delete_vpc)


def test_instance_lifecycle_with_zrm_tags_and_resource_group():
    c, c24 = client(), client24()
    request = models.CreateZecInstancesRequest()
    request.zoneId, request.instanceType, request.imageId = "asia-east-1a", "z2a.cpu.1", "ubuntu-22.04"
    request.instanceName, request.instanceCount = "sdk-py-vm", 1
    request.subnetId, request.enableAgent, request.password = "1710000000000000001", True, "Passw0rd!x"
    request.systemDisk = models.SystemDisk()
    request.systemDisk.diskSize = 40
    created = c.CreateZecInstances(request)
    instance_id = created.instanceIdSet[0]
    assert ID_RE.match(instance_id) and created.instances[0].instanceId == instance_id
    seen = []
    vm = wait_instance(c, instance_id, "RUNNING", seen)
    assert seen[0] in ("PENDING", "DEPLOYING", "RUNNING"), seen
    assert vm.subnetId == "1710000000000000001" and vm.instanceType == "z2a.cpu.1" and vm.imageId == "ubuntu-22.04"
    assert vm.systemDisk.diskSize == 40 and vm.enableAgent is True and vm.enableIpForward is False
    assert getattr(vm, "instanceOptions", None) is None and vm.keyId is None and vm.tags.tags == []
    primary = [n for n in vm.nics if n.nicType == "Primary"]
    assert len(primary) == 1 and primary[0].primaryIpv4 == vm.privateIpAddresses[0]
    assert describe_disk(c, created.instances[0].diskIdSet[0]).diskStatus == "IN_USE"

    stop = models24.StopInstancesRequest()
    stop.instanceIds = [instance_id]
    assert c24.StopInstances(stop).requestId
    wait_instance(c, instance_id, "STOPPED")
    reset = models.ResetInstanceRequest()
    reset.instanceId, reset.imageId, reset.password = instance_id, "debian-12", "Passw0rd!y"
    assert c.ResetInstance(reset).requestId
    assert wait_instance(c, instance_id, "RUNNING").imageId == "debian-12"

    tags = zrm_client.ZrmClient(Credential(ACCESS_KEY_ID, ACCESS_KEY_PASSWORD), config())
    change = zrm_models.ModifyResourceTagsRequest()
    change.resourceUuid = instance_id
    tag = zrm_models.Tag()
    tag.key, tag.value = "env", "sdk-py"
    change.replaceTags = [tag]
    assert tags.ModifyResourceTags(change).requestId
    assert [(t.key, t.value) for t in describe_instances(c, instanceIds=[instance_id]).dataSet[0].tags.tags] == [("env", "sdk-py")]

    users = user_client.UserClient(Credential(ACCESS_KEY_ID, ACCESS_KEY_PASSWORD), config())
    move = user_models.AddResourceResourceGroupRequest()
    move.resources, move.resourceGroupId = [instance_id], STAGING_GROUP
    assert users.AddResourceResourceGroup(move).requestId
    assert describe_instances(c, instanceIds=[instance_id]).dataSet[0].resourceGroupName == "staging"

    release = models24.ReleaseInstancesRequest()
    release.instanceIds = [instance_id]
    assert c24.ReleaseInstances(release).requestId
    wait_instance(c, instance_id, "RECYCLE")
    start = models24.StartInstancesRequest()
    start.instanceIds = [instance_id]
    expect_code("OPERATION_DENIED_INSTANCE_RECYCLED", c24.StartInstances, start)
    assert c24.ReleaseInstances(release).requestId
    wait_instance(c, instance_id, None)
    expect_code("INVALID_INSTANCE_NOT_FOUND", c24.ReleaseInstances, release)
