"""Fidelity tests: the official zenlayercloud-sdk-python against the zec-emulator.

Each call goes through the SDK's own ZecClient / request models / ZenlayerCloudSdkException.
The runner (test/sdk/run.mjs) starts a fresh emulator for this suite and passes
ZEC_SDK_ENDPOINT (host:port), ZEC_SDK_ACCESS_KEY_ID, ZEC_SDK_ACCESS_KEY_PASSWORD and ZEC_SDK_TOKEN.

Tests run in file order against one emulator. Every test only relies on the demo fixtures
(fixtures/demo.json) plus what it creates itself; the snapshot tests record what they create
in CREATED so the deletion test can clean it up (it creates its own snapshot when run alone).
"""
import os
import re
import time
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
