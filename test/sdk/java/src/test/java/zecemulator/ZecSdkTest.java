package zecemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zenlayercloud.common.Config;
import com.zenlayercloud.common.Credential;
import com.zenlayercloud.common.TokenCredential;
import com.zenlayercloud.common.ZenlayerSdkException;
import com.zenlayercloud.zec20250901.ZecClient;
import com.zenlayercloud.zec20250901.models.ApplyAutoSnapshotPolicyRequest;
import com.zenlayercloud.zec20250901.models.ApplySnapshotRequest;
import com.zenlayercloud.zec20250901.models.AttachDisksRequest;
import com.zenlayercloud.zec20250901.models.AttachDisksResponse;
import com.zenlayercloud.zec20250901.models.AutoSnapshotPolicy;
import com.zenlayercloud.zec20250901.models.CancelAutoSnapshotPolicyRequest;
import com.zenlayercloud.zec20250901.models.CreateAutoSnapshotPolicyRequest;
import com.zenlayercloud.zec20250901.models.CreateDisksRequest;
import com.zenlayercloud.zec20250901.models.CreateDisksResponse;
import com.zenlayercloud.zec20250901.models.CreateSnapshotRequest;
import com.zenlayercloud.zec20250901.models.CreateSnapshotResponse;
import com.zenlayercloud.zec20250901.models.DataDisk;
import com.zenlayercloud.zec20250901.models.DeleteAutoSnapshotPoliciesRequest;
import com.zenlayercloud.zec20250901.models.DeleteSnapshotsRequest;
import com.zenlayercloud.zec20250901.models.DeleteSnapshotsResponse;
import com.zenlayercloud.zec20250901.models.DescribeAutoSnapshotPoliciesRequest;
import com.zenlayercloud.zec20250901.models.DescribeAutoSnapshotPoliciesResponse;
import com.zenlayercloud.zec20250901.models.DescribeDiskCategoryItem;
import com.zenlayercloud.zec20250901.models.DescribeDiskCategoryRequest;
import com.zenlayercloud.zec20250901.models.DescribeDiskCategoryResponse;
import com.zenlayercloud.zec20250901.models.DescribeDiskRegionsRequest;
import com.zenlayercloud.zec20250901.models.DescribeDisksRequest;
import com.zenlayercloud.zec20250901.models.DescribeDisksResponse;
import com.zenlayercloud.zec20250901.models.DescribeInstancesRequest;
import com.zenlayercloud.zec20250901.models.DescribeInstancesResponse;
import com.zenlayercloud.zec20250901.models.DescribeInstancesStatusRequest;
import com.zenlayercloud.zec20250901.models.DescribeInstancesStatusResponse;
import com.zenlayercloud.zec20250901.models.DescribeSnapshotsRequest;
import com.zenlayercloud.zec20250901.models.DescribeSnapshotsResponse;
import com.zenlayercloud.zec20250901.models.DescribeZonesRequest;
import com.zenlayercloud.zec20250901.models.DescribeZonesResponse;
import com.zenlayercloud.zec20250901.models.DetachDisksRequest;
import com.zenlayercloud.zec20250901.models.DetachDisksResponse;
import com.zenlayercloud.zec20250901.models.DiskInfo;
import com.zenlayercloud.zec20250901.models.InquiryPriceCreateDisksRequest;
import com.zenlayercloud.zec20250901.models.InquiryPriceResizeDiskRequest;
import com.zenlayercloud.zec20250901.models.InquiryPriceResizeDiskResponse;
import com.zenlayercloud.zec20250901.models.InstanceInfo;
import com.zenlayercloud.zec20250901.models.InstanceStatus;
import com.zenlayercloud.zec20250901.models.ModifyAutoSnapshotPolicyRequest;
import com.zenlayercloud.zec20250901.models.ModifyDisksAttributesRequest;
import com.zenlayercloud.zec20250901.models.ModifySnapshotsAttributeRequest;
import com.zenlayercloud.zec20250901.models.PriceItem;
import com.zenlayercloud.zec20250901.models.ReleaseDiskRequest;
import com.zenlayercloud.zec20250901.models.ResizeDiskRequest;
import com.zenlayercloud.zec20250901.models.SnapshotInfo;
import com.zenlayercloud.zec20250901.models.Tag;
import com.zenlayercloud.zec20250901.models.TagAssociation;
import com.zenlayercloud.zec20250901.models.ZoneInfo;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fidelity tests: the official zenlayercloud-sdk-java against the zec-emulator.
 *
 * <p>Every call goes through the SDK's ZecClient classes, TeaModel request/response models and
 * ZenlayerSdkException. test/sdk/run.mjs starts a fresh emulator for this suite and passes
 * ZEC_SDK_ENDPOINT (host:port), ZEC_SDK_ACCESS_KEY_ID, ZEC_SDK_ACCESS_KEY_PASSWORD and ZEC_SDK_TOKEN.
 *
 * <p>Tests run in @Order against one emulator. Each relies only on the demo fixtures plus what it
 * creates; snapshot tests record their snapshots in CREATED so the deletion test can clean up
 * (it creates its own snapshot when run alone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZecSdkTest {
    static final String ENDPOINT = env("ZEC_SDK_ENDPOINT", "127.0.0.1:8080");
    static final String KEY_ID = env("ZEC_SDK_ACCESS_KEY_ID", "ZEC-EMULATOR-DEMO-KEY");
    static final String KEY_PASSWORD = env("ZEC_SDK_ACCESS_KEY_PASSWORD", "zec-emulator-demo-password");
    static final String TOKEN = env("ZEC_SDK_TOKEN", "zec-emulator-demo-token");

    static final String DISK_IN_USE = "1400000000000000002";        // asia-east-1a, IN_USE, 2 snapshots
    static final String DISK_AVAILABLE = "1400000000000000003";     // asia-east-1a, AVAILABLE, 1 snapshot
    static final String DISK_NO_SNAPSHOT_ABILITY = "1400000000000000005";
    static final String DISK_CREATING = "1400000000000000006";
    static final String DISK_EMPTY = "1400000000000000013";         // asia-southeast-1a, no snapshots
    static final String DISK_MISSING = "1499999999999999999";
    static final int SNAPSHOT_QUOTA_PER_DISK = 3;                   // --snapshot-quota-per-disk 3
    static final long POLL_INTERVAL_MS = 500;
    static final int POLL_ATTEMPTS = 60;                            // 30 s per wait

    static final Pattern TIME = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
    static final Pattern ID = Pattern.compile("^\\d{19}$");
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    static final List<String> CREATED = new ArrayList<>();

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static Config config() {
        Config config = new Config();
        config.setProtocol("http");
        config.setEndpoint(ENDPOINT);
        config.setReadTimeout(30_000);
        config.setConnectTimeout(5_000);
        config.setRateLimitMaxRetries(0);
        return config;
    }

    static ZecClient client() {
        return client(KEY_PASSWORD);
    }

    static ZecClient client(String password) {
        return new ZecClient(new Credential(KEY_ID, password), config());
    }

    static com.zenlayercloud.zec20240401.ZecClient client24() {
        return new com.zenlayercloud.zec20240401.ZecClient(new Credential(KEY_ID, KEY_PASSWORD), config());
    }

    static String utcIn(long hours) {
        return ZonedDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.SECONDS).format(TIME_FORMAT);
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ZenlayerSdkException expectCode(String code, Runnable call) {
        ZenlayerSdkException e = assertThrows(ZenlayerSdkException.class, call::run);
        assertEquals(code, e.getCode(), e.getMessage());
        assertNotNull(e.getRequestId());
        assertFalse(e.getRequestId().isEmpty() || "null".equals(e.getRequestId()), "error body carries requestId");
        return e;
    }

    static void checkDisk(DiskInfo d) {
        assertTrue(ID.matcher(d.getDiskId()).matches(), d.getDiskId());
        assertNotNull(d.getDiskName());
        assertNotNull(d.getZoneId());
        assertTrue(Arrays.asList("SYSTEM", "DATA").contains(d.getDiskType()), d.getDiskType());
        assertNotNull(d.getDiskStatus(), "diskStatus must never be omitted");
        assertNotNull(d.getDiskCategory());
        assertNotNull(d.getDiskSize());
        assertNotNull(d.getPortable());
        assertNotNull(d.getSnapshotAbility());
        assertTrue(TIME.matcher(d.getCreateTime()).matches(), d.getCreateTime());
    }

    static void checkSnapshot(SnapshotInfo s) {
        assertTrue(ID.matcher(s.getSnapshotId()).matches(), s.getSnapshotId());
        assertNotNull(s.getSnapshotName());
        assertNotNull(s.getZoneId());
        assertNotNull(s.getStatus(), "status must never be omitted");
        assertTrue(Arrays.asList("Auto", "Manual").contains(s.getSnapshotType()), s.getSnapshotType());
        assertNotNull(s.getDiskId());
        assertTrue(TIME.matcher(s.getCreateTime()).matches(), s.getCreateTime());
        if (s.getRetentionTime() != null) {
            assertTrue(TIME.matcher(s.getRetentionTime()).matches(), s.getRetentionTime());
        }
        assertNotNull(s.getResourceGroup(), "resourceGroup must never be omitted");
        assertNotNull(s.getResourceGroup().getResourceGroupId());
    }

    static DescribeDisksResponse describeDisks(ZecClient c, Consumer<DescribeDisksRequest> fill) {
        DescribeDisksRequest request = new DescribeDisksRequest();
        fill.accept(request);
        DescribeDisksResponse response = c.describeDisks(request);
        assertNotNull(response.getRequestId());
        assertNotNull(response.getTotalCount(), "totalCount must never be omitted");
        assertNotNull(response.getDataSet(), "dataSet must never be omitted");
        response.getDataSet().forEach(ZecSdkTest::checkDisk);
        return response;
    }

    static DescribeSnapshotsResponse describeSnapshots(ZecClient c, Consumer<DescribeSnapshotsRequest> fill) {
        DescribeSnapshotsRequest request = new DescribeSnapshotsRequest();
        fill.accept(request);
        DescribeSnapshotsResponse response = c.describeSnapshots(request);
        assertNotNull(response.getTotalCount(), "totalCount must never be omitted");
        assertNotNull(response.getDataSet(), "dataSet must never be omitted");
        response.getDataSet().forEach(ZecSdkTest::checkSnapshot);
        return response;
    }

    static CreateSnapshotRequest snapshotRequest(String diskId, String retention) {
        CreateSnapshotRequest request = new CreateSnapshotRequest();
        request.setDiskId(diskId);
        request.setSnapshotName(uniqueName("sdk-java"));
        request.setRetentionTime(retention);
        return request;
    }

    static String createSnapshot(ZecClient c, CreateSnapshotRequest request) {
        CreateSnapshotResponse response = c.createSnapshot(request);
        assertNotNull(response.getRequestId());
        assertTrue(ID.matcher(response.getSnapshotId()).matches(), response.getSnapshotId());
        return response.getSnapshotId();
    }

    static SnapshotInfo waitSnapshot(ZecClient c, String id, String status) throws InterruptedException {
        SnapshotInfo last = null;
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            DescribeSnapshotsResponse response = describeSnapshots(c, r -> r.setSnapshotIds(Collections.singletonList(id)));
            assertEquals(1, response.getTotalCount());
            last = response.getDataSet().get(0);
            if (status.equals(last.getStatus())) {
                return last;
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        return fail("snapshot " + id + " never reached " + status + ", last " + last.getStatus());
    }

    static void waitGone(ZecClient c, List<String> ids) throws InterruptedException {
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            if (describeSnapshots(c, r -> r.setSnapshotIds(ids)).getTotalCount() == 0) {
                return;
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        fail("snapshots " + ids + " still listed after deletion");
    }

    static Set<String> diskIds(DescribeDisksResponse response) {
        return response.getDataSet().stream().map(DiskInfo::getDiskId).collect(Collectors.toSet());
    }

    // --- zones and disks ----------------------------------------------------------------------

    @Test
    @Order(1)
    void describeZones() {
        DescribeZonesResponse response = client().describeZones(new DescribeZonesRequest());
        assertNotNull(response.getRequestId());
        ZoneInfo zone = response.getZoneSet().stream()
                .filter(z -> "asia-east-1a".equals(z.getZoneId())).findFirst()
                .orElseGet(() -> fail("zoneSet lacks asia-east-1a"));
        assertEquals("asia-east-1", zone.getRegionId());
        assertNotNull(zone.getSupportHaVip());
    }

    @Test
    @Order(2)
    void describeDisksFilters() {
        ZecClient c = client();
        DescribeDisksResponse all = describeDisks(c, r -> r.setPageSize(100));
        assertTrue(all.getTotalCount() >= 13);
        assertEquals(all.getTotalCount().intValue(), all.getDataSet().size());

        DescribeDisksResponse byZone = describeDisks(c, r -> { r.setZoneId("asia-east-1a"); r.setPageSize(100); });
        assertTrue(byZone.getTotalCount() > 0 && byZone.getTotalCount() < all.getTotalCount());
        byZone.getDataSet().forEach(d -> assertEquals("asia-east-1a", d.getZoneId()));

        DescribeDisksResponse data = describeDisks(c, r -> { r.setDiskType("DATA"); r.setPageSize(100); });
        assertTrue(data.getTotalCount() > 0);
        data.getDataSet().forEach(d -> assertEquals("DATA", d.getDiskType()));

        DescribeDisksResponse available = describeDisks(c, r -> { r.setDiskStatus("AVAILABLE"); r.setPageSize(100); });
        available.getDataSet().forEach(d -> assertEquals("AVAILABLE", d.getDiskStatus()));
        assertTrue(diskIds(available).containsAll(Arrays.asList(DISK_AVAILABLE, DISK_EMPTY)));

        DescribeDisksResponse byIds = describeDisks(c, r -> r.setDiskIds(Arrays.asList(DISK_IN_USE, DISK_AVAILABLE)));
        assertEquals(2L, byIds.getTotalCount());
        assertEquals(new HashSet<>(Arrays.asList(DISK_IN_USE, DISK_AVAILABLE)), diskIds(byIds));
        DiskInfo inUse = byIds.getDataSet().stream().filter(d -> DISK_IN_USE.equals(d.getDiskId())).findFirst().get();
        assertEquals("IN_USE", inUse.getDiskStatus());
        assertEquals("1300000000000000001", inUse.getInstanceId());

        DescribeDisksResponse unknown = describeDisks(c, r -> r.setDiskIds(Collections.singletonList(DISK_MISSING)));
        assertEquals(0L, unknown.getTotalCount());
        assertTrue(unknown.getDataSet().isEmpty());
    }

    @Test
    @Order(3)
    void describeDisksPaging() {
        ZecClient c = client();
        DescribeDisksResponse page1 = describeDisks(c, r -> { r.setPageSize(2); r.setPageNum(1); });
        DescribeDisksResponse page2 = describeDisks(c, r -> { r.setPageSize(2); r.setPageNum(2); });
        assertEquals(page1.getTotalCount(), page2.getTotalCount());
        assertTrue(page1.getTotalCount() >= 4);
        assertEquals(2, page1.getDataSet().size());
        assertEquals(2, page2.getDataSet().size());
        Set<String> overlap = diskIds(page1);
        overlap.retainAll(diskIds(page2));
        assertTrue(overlap.isEmpty(), "pages overlap: " + overlap);
    }

    // --- CreateSnapshot -----------------------------------------------------------------------

    @Test
    @Order(10)
    void createSnapshotWithoutRetention() throws InterruptedException {
        ZecClient c = client();
        CreateSnapshotRequest request = snapshotRequest(DISK_EMPTY, null);
        String id = createSnapshot(c, request);
        CREATED.add(id);
        SnapshotInfo s = waitSnapshot(c, id, "AVAILABLE");
        assertEquals(request.getSnapshotName(), s.getSnapshotName());
        assertEquals("Manual", s.getSnapshotType());
        assertEquals(DISK_EMPTY, s.getDiskId());
        assertEquals("asia-southeast-1a", s.getZoneId());
        assertNull(s.getRetentionTime());
    }

    @Test
    @Order(11)
    void createSnapshotWithRetention() throws InterruptedException {
        ZecClient c = client();
        String retention = utcIn(48);
        String id = createSnapshot(c, snapshotRequest(DISK_AVAILABLE, retention));
        CREATED.add(id);
        SnapshotInfo s = waitSnapshot(c, id, "AVAILABLE");
        assertEquals("Manual", s.getSnapshotType());
        assertEquals(DISK_AVAILABLE, s.getDiskId());
        assertEquals("asia-east-1a", s.getZoneId());
        assertEquals(retention, s.getRetentionTime());
    }

    @Test
    @Order(12)
    void createSnapshotDiskNotFound() {
        expectCode("INVALID_DISK_NOT_FOUND", () -> client().createSnapshot(snapshotRequest(DISK_MISSING, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {DISK_CREATING, DISK_NO_SNAPSHOT_ABILITY})
    @Order(13)
    void createSnapshotUnsupportedDiskStatus(String diskId) {
        expectCode("UNSUPPORTED_OPERATION_DISK_STATUS", () -> client().createSnapshot(snapshotRequest(diskId, null)));
    }

    @Test
    @Order(14)
    void createSnapshotRetentionTooSoon() {
        expectCode("INVALID_SNAPSHOT_RETENTION_TIME",
                () -> client().createSnapshot(snapshotRequest(DISK_AVAILABLE, utcIn(1))));
    }

    @Test
    @Order(15)
    void createSnapshotQuotaExceeded() {
        ZecClient c = client();
        Consumer<DescribeSnapshotsRequest> onDisk = r -> {
            r.setDiskIds(Collections.singletonList(DISK_EMPTY));
            r.setPageSize(100);
        };
        int existing = describeSnapshots(c, onDisk).getTotalCount();
        assertTrue(existing <= SNAPSHOT_QUOTA_PER_DISK, "disk already over quota: " + existing);
        for (int i = existing; i < SNAPSHOT_QUOTA_PER_DISK; i++) {
            CREATED.add(createSnapshot(c, snapshotRequest(DISK_EMPTY, null)));
        }
        expectCode("INVALID_SNAPSHOT_QUOTA_EXCEED", () -> c.createSnapshot(snapshotRequest(DISK_EMPTY, null)));
        assertEquals(SNAPSHOT_QUOTA_PER_DISK, describeSnapshots(c, onDisk).getTotalCount());
    }

    // --- DeleteSnapshots ----------------------------------------------------------------------

    @Test
    @Order(20)
    void deleteSnapshots() throws InterruptedException {
        ZecClient c = client();
        if (CREATED.isEmpty()) {
            CREATED.add(createSnapshot(c, snapshotRequest(DISK_EMPTY, null)));
        }
        for (String id : CREATED) {
            waitSnapshot(c, id, "AVAILABLE");
        }
        DeleteSnapshotsRequest request = new DeleteSnapshotsRequest();
        request.setSnapshotIds(new ArrayList<>(CREATED));
        DeleteSnapshotsResponse response = c.deleteSnapshots(request);
        assertTrue(response.getSnapshotIds() == null || response.getSnapshotIds().isEmpty(),
                "snapshotIds lists the ids that failed: " + response.getSnapshotIds());
        waitGone(c, new ArrayList<>(CREATED));
        CREATED.clear();
    }

    // --- authentication -----------------------------------------------------------------------

    @Test
    @Order(30)
    void wrongPasswordIsRejected() {
        ZenlayerSdkException e = expectCode("AUTHFAILURE_SIGNATURE_FAILURE",
                () -> client("not-the-password").describeZones(new DescribeZonesRequest()));
        assertTrue(e.getMessage().contains("HTTP Status: 401"), e.getMessage());
    }

    @Test
    @Order(31)
    void bearerTokenClient() {
        ZecClient c = new ZecClient(new TokenCredential(TOKEN), config());
        Set<String> zones = c.describeZones(new DescribeZonesRequest()).getZoneSet().stream()
                .map(ZoneInfo::getZoneId).collect(Collectors.toSet());
        assertTrue(zones.contains("asia-east-1a"), zones.toString());
        assertEquals(1L, describeDisks(c, r -> r.setDiskIds(Collections.singletonList(DISK_AVAILABLE))).getTotalCount());

        ZecClient bad = new ZecClient(new TokenCredential("not-a-token"), config());
        ZenlayerSdkException e = assertThrows(ZenlayerSdkException.class,
                () -> bad.describeZones(new DescribeZonesRequest()));
        assertTrue(String.valueOf(e.getCode()).startsWith("AUTHFAILURE_"), e.getMessage());
    }

    // --- the 2024-04-01 client package --------------------------------------------------------
    // Its models do not all have getters/setters, so these tests use the public fields.

    @Test
    @Order(40)
    void v20240401DescribeDisks() {
        com.zenlayercloud.zec20240401.models.DescribeDisksRequest request =
                new com.zenlayercloud.zec20240401.models.DescribeDisksRequest();
        request.zoneId = "asia-east-1a";
        request.diskType = "DATA";
        request.pageSize = 2;
        request.pageNum = 1;
        com.zenlayercloud.zec20240401.models.DescribeDisksResponse response = client24().describeDisks(request);
        assertTrue(response.totalCount > 2);
        assertEquals(2, response.dataSet.size());
        response.dataSet.forEach(d -> {
            assertEquals("asia-east-1a", d.zoneId);
            assertEquals("DATA", d.diskType);
            assertNotNull(d.diskStatus);
            assertNotNull(d.diskSize);
        });
    }

    @Test
    @Order(41)
    void v20240401SnapshotRoundTrip() throws InterruptedException {
        com.zenlayercloud.zec20240401.ZecClient c = client24();
        com.zenlayercloud.zec20240401.models.CreateSnapshotRequest create =
                new com.zenlayercloud.zec20240401.models.CreateSnapshotRequest();
        create.diskId = DISK_IN_USE;
        create.snapshotName = uniqueName("sdk-java24");
        create.retentionTime = utcIn(48);
        String id = c.createSnapshot(create).snapshotId;
        assertTrue(ID.matcher(id).matches(), id);

        com.zenlayercloud.zec20240401.models.DescribeSnapshotsRequest describe =
                new com.zenlayercloud.zec20240401.models.DescribeSnapshotsRequest();
        describe.snapshotIds = Collections.singletonList(id);
        String status = null;
        for (int i = 0; i < POLL_ATTEMPTS && !"AVAILABLE".equals(status); i++) {
            com.zenlayercloud.zec20240401.models.DescribeSnapshotsResponse response = c.describeSnapshots(describe);
            assertEquals(1, response.totalCount);
            com.zenlayercloud.zec20240401.models.SnapshotInfo s = response.dataSet.get(0);
            assertEquals(DISK_IN_USE, s.diskId);
            assertEquals(create.snapshotName, s.snapshotName);
            assertNotNull(s.resourceGroup);
            status = s.status;
            if (!"AVAILABLE".equals(status)) {
                Thread.sleep(POLL_INTERVAL_MS);
            }
        }
        assertEquals("AVAILABLE", status);

        com.zenlayercloud.zec20240401.models.DeleteSnapshotsRequest delete =
                new com.zenlayercloud.zec20240401.models.DeleteSnapshotsRequest();
        delete.snapshotIds = Collections.singletonList(id);
        List<String> failed = c.deleteSnapshots(delete).snapshotIds;
        assertTrue(failed == null || failed.isEmpty(), "failed: " + failed);
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            if (c.describeSnapshots(describe).totalCount == 0) {
                return;
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        fail("snapshot " + id + " still listed after deletion");
    }

    @Test
    @Order(42)
    void v20240401CreateSnapshotDiskNotFound() {
        com.zenlayercloud.zec20240401.models.CreateSnapshotRequest request =
                new com.zenlayercloud.zec20240401.models.CreateSnapshotRequest();
        request.diskId = DISK_MISSING;
        request.snapshotName = uniqueName("sdk-java24");
        expectCode("INVALID_DISK_NOT_FOUND", () -> client24().createSnapshot(request));
    }

    // --- instances ----------------------------------------------------------------------------

    static final String INSTANCE_RUNNING = "1300000000000000001";  // web-01, asia-east-1a, RUNNING
    static final String INSTANCE_STOPPED = "1300000000000000002";  // db-01, asia-east-1a, STOPPED
    static final String INSTANCE_SG = "1300000000000000003";       // sg-app-01, asia-southeast-1a, RUNNING
    static final List<String> CATEGORIES = Arrays.asList("Basic NVMe SSD", "Standard NVMe SSD");

    static void checkInstance(InstanceInfo i) {
        assertTrue(ID.matcher(i.getInstanceId()).matches(), i.getInstanceId());
        assertNotNull(i.getInstanceName());
        assertNotNull(i.getZoneId());
        assertNotNull(i.getInstanceType());
        assertNotNull(i.getCpu());
        assertNotNull(i.getMemory());
        assertNotNull(i.getStatus(), "status must never be omitted");
        assertTrue(TIME.matcher(i.getCreateTime()).matches(), i.getCreateTime());
        assertNotNull(i.getEnableAgent());
        assertNotNull(i.getDataDisks(), "dataDisks must be a list");
        assertNotNull(i.getPublicIpAddresses());
        assertNotNull(i.getPrivateIpAddresses());
        if (i.getSystemDisk() != null) {
            assertNotNull(i.getSystemDisk().getDiskId());
            assertNotNull(i.getSystemDisk().getDiskSize());
            assertTrue(CATEGORIES.contains(i.getSystemDisk().getDiskCategory()), i.getSystemDisk().getDiskCategory());
        }
        for (DataDisk d : i.getDataDisks()) {
            assertNotNull(d.getDiskId());
            assertNotNull(d.getDiskSize());
            assertNotNull(d.getPortable());
            assertTrue(CATEGORIES.contains(d.getDiskCategory()), d.getDiskCategory());
        }
    }

    static DescribeInstancesResponse describeInstances(ZecClient c, Consumer<DescribeInstancesRequest> fill) {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        fill.accept(request);
        DescribeInstancesResponse response = c.describeInstances(request);
        assertNotNull(response.getRequestId());
        assertNotNull(response.getTotalCount(), "totalCount must never be omitted");
        assertNotNull(response.getDataSet(), "dataSet must never be omitted");
        response.getDataSet().forEach(ZecSdkTest::checkInstance);
        return response;
    }

    @Test
    @Order(50)
    void describeInstances() {
        ZecClient c = client();
        DescribeInstancesResponse response = describeInstances(c,
                r -> r.setInstanceIds(Arrays.asList(INSTANCE_RUNNING, INSTANCE_STOPPED)));
        assertEquals(2, response.getTotalCount());
        InstanceInfo web = response.getDataSet().stream()
                .filter(i -> INSTANCE_RUNNING.equals(i.getInstanceId())).findFirst().get();
        assertEquals("RUNNING", web.getStatus());
        assertEquals("asia-east-1a", web.getZoneId());
        assertEquals("1400000000000000001", web.getSystemDisk().getDiskId());
        assertTrue(web.getDataDisks().stream().anyMatch(d -> DISK_IN_USE.equals(d.getDiskId())));

        DescribeInstancesResponse byZone = describeInstances(c, r -> r.setZoneId("asia-southeast-1a"));
        assertEquals(Collections.singletonList(INSTANCE_SG),
                byZone.getDataSet().stream().map(InstanceInfo::getInstanceId).collect(Collectors.toList()));
        describeInstances(c, r -> { r.setStatus("STOPPED"); r.setPageSize(100); })
                .getDataSet().forEach(i -> assertEquals("STOPPED", i.getStatus()));
        DescribeInstancesResponse unknown = describeInstances(c,
                r -> r.setInstanceIds(Collections.singletonList("1399999999999999999")));
        assertEquals(0, unknown.getTotalCount());
        assertTrue(unknown.getDataSet().isEmpty());
    }

    @Test
    @Order(51)
    void describeInstancesStatus() {
        DescribeInstancesStatusRequest request = new DescribeInstancesStatusRequest();
        request.setInstanceIds(Arrays.asList(INSTANCE_RUNNING, INSTANCE_STOPPED, INSTANCE_SG));
        DescribeInstancesStatusResponse response = client().describeInstancesStatus(request);
        assertEquals(3, response.getTotalCount());
        Map<String, String> statuses = new HashMap<>();
        for (InstanceStatus s : response.getDataSet()) {
            statuses.put(s.getInstanceId(), s.getInstanceStatus());
        }
        Map<String, String> want = new HashMap<>();
        want.put(INSTANCE_RUNNING, "RUNNING");
        want.put(INSTANCE_STOPPED, "STOPPED");
        want.put(INSTANCE_SG, "RUNNING");
        assertEquals(want, statuses);
    }

    // --- the disk catalogue and prices --------------------------------------------------------

    static void checkPrice(PriceItem p) {
        assertNotNull(p, "price must be present");
        assertNotNull(p.getDiscount());
        assertNotNull(p.getUnitPrice());
        assertNotNull(p.getDiscountUnitPrice());
        assertTrue(p.getUnitPrice() > 0, "unitPrice " + p.getUnitPrice());
        assertTrue(Arrays.asList("HOUR", "DAY", "MONTH").contains(p.getChargeUnit()), p.getChargeUnit());
        assertTrue(Arrays.asList("STANDARD", "CUSTOMIZED").contains(p.getCategory()), p.getCategory());
        assertNotNull(p.getStepPrices());
    }

    @Test
    @Order(52)
    void diskCatalogue() {
        ZecClient c = client();
        List<String> regions = c.describeDiskRegions(new DescribeDiskRegionsRequest()).getRegionIds();
        assertTrue(regions.containsAll(Arrays.asList("asia-east-1", "asia-southeast-1", "na-west-1")), regions.toString());

        DescribeDiskCategoryRequest inZone = new DescribeDiskCategoryRequest();
        inZone.setZoneId("asia-east-1a");
        DescribeDiskCategoryResponse categories = c.describeDiskCategory(inZone);
        assertEquals(1, categories.getCategoryZoneSet().size());
        DescribeDiskCategoryItem item = categories.getCategoryZoneSet().get(0);
        assertEquals("asia-east-1a", item.getZoneId());
        assertEquals(new HashSet<>(CATEGORIES), new HashSet<>(item.getCategorySet()));
        DescribeDiskCategoryRequest basic = new DescribeDiskCategoryRequest();
        basic.setDiskCategory("Basic NVMe SSD");
        c.describeDiskCategory(basic).getCategoryZoneSet()
                .forEach(i -> assertEquals(Collections.singletonList("Basic NVMe SSD"), i.getCategorySet()));

        double[] unit = new double[3];
        for (int amount = 1; amount <= 2; amount++) {
            InquiryPriceCreateDisksRequest request = new InquiryPriceCreateDisksRequest();
            request.setZoneId("asia-east-1a");
            request.setDiskSize(100);
            request.setDiskAmount(amount);
            request.setDiskCategory("Standard NVMe SSD");
            PriceItem price = c.inquiryPriceCreateDisks(request).getDataDiskPrice();
            checkPrice(price);
            unit[amount] = price.getUnitPrice();
        }
        assertEquals(2 * unit[1], unit[2], unit[1] / 100);
    }

    // --- the disk lifecycle -------------------------------------------------------------------

    static DiskInfo describeDisk(ZecClient c, String id) {
        DescribeDisksResponse response = describeDisks(c, r -> r.setDiskIds(Collections.singletonList(id)));
        return response.getTotalCount() == 0 ? null : response.getDataSet().get(0);
    }

    /** Polls DescribeDisks until `done` holds; `seen` (may be null) collects every status observed. */
    static DiskInfo waitDisk(ZecClient c, String id, Predicate<DiskInfo> done, List<String> seen) throws InterruptedException {
        DiskInfo last = null;
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            last = describeDisk(c, id);
            assertNotNull(last, "disk " + id + " disappeared while being waited for");
            if (seen != null) {
                seen.add(last.getDiskStatus());
            }
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        return fail("disk " + id + " never reached the awaited state, last " + last.getDiskStatus());
    }

    static DiskInfo waitDisk(ZecClient c, String id, String status) throws InterruptedException {
        return waitDisk(c, id, d -> status.equals(d.getDiskStatus()), null);
    }

    static String createDisk(ZecClient c) {
        CreateDisksRequest request = new CreateDisksRequest();
        request.setZoneId("asia-east-1a");
        request.setDiskName(uniqueName("sdk-java-disk"));
        request.setDiskSize(20);
        request.setDiskCategory("Standard NVMe SSD");
        Tag tag = new Tag();
        tag.setKey("suite");
        tag.setValue("sdk-java");
        TagAssociation tags = new TagAssociation();
        tags.setTags(Collections.singletonList(tag));
        request.setTags(tags);
        CreateDisksResponse response = c.createDisks(request);
        assertNotNull(response.getRequestId());
        assertEquals(1, response.getDiskIds().size());
        assertTrue(ID.matcher(response.getDiskIds().get(0)).matches(), response.getDiskIds().toString());
        assertNotNull(response.getOrderNumber());
        return response.getDiskIds().get(0);
    }

    static ReleaseDiskRequest releaseRequest(String id) {
        ReleaseDiskRequest request = new ReleaseDiskRequest();
        request.setDiskId(id);
        return request;
    }

    /** ReleaseDisk → RECYCLED, ReleaseDisk again → gone (totalCount 0). */
    static void releaseTwice(ZecClient c, String id) throws InterruptedException {
        assertNotNull(c.releaseDisk(releaseRequest(id)).getRequestId());
        waitDisk(c, id, "RECYCLED");
        assertNotNull(c.releaseDisk(releaseRequest(id)).getRequestId());
        for (int i = 0; i < POLL_ATTEMPTS; i++) {
            if (describeDisk(c, id) == null) {
                return;
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        fail("disk " + id + " still listed after the second ReleaseDisk");
    }

    @Test
    @Order(53)
    void diskLifecycle() throws InterruptedException {
        ZecClient c = client();
        String id = createDisk(c);
        List<String> seen = new ArrayList<>();
        DiskInfo disk = waitDisk(c, id, d -> "AVAILABLE".equals(d.getDiskStatus()), seen);
        assertTrue(Arrays.asList("CREATING", "AVAILABLE").contains(seen.get(0)), seen.toString());
        assertEquals(20, disk.getDiskSize());
        assertEquals("DATA", disk.getDiskType());
        assertEquals("asia-east-1", disk.getRegionId());
        assertTrue(disk.getPortable());
        assertEquals("suite", disk.getTags().getTags().get(0).getKey());

        ModifyDisksAttributesRequest rename = new ModifyDisksAttributesRequest();
        rename.setDiskIds(Collections.singletonList(id));
        rename.setDiskName(uniqueName("sdk-java-renamed"));
        assertNotNull(c.modifyDisksAttributes(rename).getRequestId());
        assertEquals(rename.getDiskName(), describeDisk(c, id).getDiskName());

        InquiryPriceResizeDiskRequest inquiry = new InquiryPriceResizeDiskRequest();
        inquiry.setDiskId(id);
        inquiry.setDiskSize(30);
        InquiryPriceResizeDiskResponse priced = c.inquiryPriceResizeDisk(inquiry);
        checkPrice(priced.getDiskPrice());
        assertNull(priced.getSpecPrice());
        assertNotNull(priced.getDiskPerf().getMaxIops());

        ResizeDiskRequest resize = new ResizeDiskRequest();
        resize.setDiskId(id);
        resize.setDiskSize(30);
        assertNotNull(c.resizeDisk(resize).getRequestId());
        seen.clear();
        disk = waitDisk(c, id, d -> "AVAILABLE".equals(d.getDiskStatus()), seen);
        assertTrue(seen.contains("CHANGING"), seen.toString());
        assertEquals(30, disk.getDiskSize());

        AttachDisksRequest attach = new AttachDisksRequest();
        attach.setDiskIds(Collections.singletonList(id));
        attach.setInstanceId(INSTANCE_RUNNING);
        AttachDisksResponse attached = c.attachDisks(attach);
        assertNotNull(attached.getRequestId());
        assertTrue(attached.getFailedDiskIds() == null || attached.getFailedDiskIds().isEmpty(),
                "failedDiskIds: " + attached.getFailedDiskIds());
        disk = waitDisk(c, id, "IN_USE");
        assertEquals(INSTANCE_RUNNING, disk.getInstanceId());
        assertEquals("web-01", disk.getInstanceName());
        InstanceInfo web = describeInstances(c, r -> r.setInstanceIds(Collections.singletonList(INSTANCE_RUNNING)))
                .getDataSet().get(0);
        assertTrue(web.getDataDisks().stream().anyMatch(d -> id.equals(d.getDiskId())));

        expectCode("UNSUPPORTED_OPERATION_DISK_STATUS", () -> c.releaseDisk(releaseRequest(id)));
        DetachDisksRequest offlineOnly = new DetachDisksRequest();  // instanceCheckFlag defaults to true
        offlineOnly.setDiskIds(Collections.singletonList(id));
        expectCode("UNSUPPORTED_OPERATION_INSTANCE_STATUS", () -> c.detachDisks(offlineOnly));

        DetachDisksRequest detach = new DetachDisksRequest();
        detach.setDiskIds(Collections.singletonList(id));
        detach.setInstanceCheckFlag(false);
        DetachDisksResponse detached = c.detachDisks(detach);
        assertNotNull(detached.getFailedDiskIds(), "failedDiskIds must be [] on success, not absent");
        assertTrue(detached.getFailedDiskIds().isEmpty(), "failedDiskIds: " + detached.getFailedDiskIds());
        disk = waitDisk(c, id, "AVAILABLE");
        assertTrue(disk.getInstanceId() == null || disk.getInstanceId().isEmpty(), disk.getInstanceId());

        releaseTwice(c, id);
        expectCode("INVALID_DISK_NOT_FOUND", () -> c.releaseDisk(releaseRequest(id)));
    }

    @Test
    @Order(54)
    void attachToInstanceInAnotherZone() {
        AttachDisksRequest request = new AttachDisksRequest();
        request.setDiskIds(Collections.singletonList(DISK_EMPTY));  // asia-southeast-1a
        request.setInstanceId(INSTANCE_RUNNING);                   // asia-east-1a
        expectCode("INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED", () -> client().attachDisks(request));
    }

    // --- rollback and snapshot attributes -----------------------------------------------------

    @Test
    @Order(55)
    void applySnapshotAndModifySnapshotsAttribute() throws InterruptedException {
        ZecClient c = client();
        String diskId = createDisk(c);
        waitDisk(c, diskId, "AVAILABLE");
        String snapshotId = createSnapshot(c, snapshotRequest(diskId, null));
        waitSnapshot(c, snapshotId, "AVAILABLE");

        ApplySnapshotRequest apply = new ApplySnapshotRequest();
        apply.setSnapshotId(snapshotId);
        apply.setDiskId(diskId);
        assertNotNull(c.applySnapshot(apply).getRequestId());
        List<String> seen = new ArrayList<>();
        waitDisk(c, diskId, d -> "AVAILABLE".equals(d.getDiskStatus()), seen);
        assertEquals("ROLLING_BACK", seen.get(0), "statuses after ApplySnapshot: " + seen);
        waitSnapshot(c, snapshotId, "AVAILABLE");

        ApplySnapshotRequest missing = new ApplySnapshotRequest();
        missing.setSnapshotId("1599999999999999999");
        missing.setDiskId(diskId);
        expectCode("INVALID_DISK_SNAPSHOT_NOT_FOUND", () -> c.applySnapshot(missing));

        ModifySnapshotsAttributeRequest modify = new ModifySnapshotsAttributeRequest();
        modify.setSnapshotIds(Collections.singletonList(snapshotId));
        modify.setSnapshotName(uniqueName("sdk-java-renamed"));
        modify.setRetentionTime(utcIn(72));
        assertNotNull(c.modifySnapshotsAttribute(modify).getRequestId());
        SnapshotInfo s = describeSnapshots(c, r -> r.setSnapshotIds(Collections.singletonList(snapshotId))).getDataSet().get(0);
        assertEquals(modify.getSnapshotName(), s.getSnapshotName());
        assertEquals(modify.getRetentionTime(), s.getRetentionTime());
        ModifySnapshotsAttributeRequest permanent = new ModifySnapshotsAttributeRequest();
        permanent.setSnapshotIds(Collections.singletonList(snapshotId));
        permanent.setIsPermanent(true);
        c.modifySnapshotsAttribute(permanent);
        assertNull(describeSnapshots(c, r -> r.setSnapshotIds(Collections.singletonList(snapshotId)))
                .getDataSet().get(0).getRetentionTime());

        DeleteSnapshotsRequest delete = new DeleteSnapshotsRequest();
        delete.setSnapshotIds(Collections.singletonList(snapshotId));
        c.deleteSnapshots(delete);
        waitGone(c, Collections.singletonList(snapshotId));
        releaseTwice(c, diskId);
    }

    // --- auto-snapshot policies ---------------------------------------------------------------

    static AutoSnapshotPolicy describePolicy(ZecClient c, String id) {
        DescribeAutoSnapshotPoliciesRequest request = new DescribeAutoSnapshotPoliciesRequest();
        request.setAutoSnapshotPolicyIds(Collections.singletonList(id));
        DescribeAutoSnapshotPoliciesResponse response = c.describeAutoSnapshotPolicies(request);
        assertNotNull(response.getTotalCount(), "totalCount must never be omitted");
        assertNotNull(response.getDataSet(), "dataSet must never be omitted");
        if (response.getTotalCount() == 0) {
            return null;
        }
        AutoSnapshotPolicy p = response.getDataSet().get(0);
        assertEquals(id, p.getAutoSnapshotPolicyId());
        assertNotNull(p.getRetentionDays());
        assertNotNull(p.getDiskIdSet());
        assertEquals(p.getDiskIdSet().size(), p.getDiskNum().intValue());
        assertTrue(TIME.matcher(p.getCreateTime()).matches(), p.getCreateTime());
        assertNotNull(p.getResourceGroup().getResourceGroupId());
        return p;
    }

    @Test
    @Order(56)
    void autoSnapshotPolicy() throws InterruptedException {
        ZecClient c = client();
        String diskId = createDisk(c);
        int farHour = (ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12) % 24;  // never runs during the suite
        CreateAutoSnapshotPolicyRequest create = new CreateAutoSnapshotPolicyRequest();
        create.setZoneId("asia-east-1a");
        create.setAutoSnapshotPolicyName(uniqueName("sdk-java-policy"));
        create.setRepeatWeekDays(Arrays.asList(5, 1, 1));
        create.setHours(Collections.singletonList(farHour));
        create.setRetentionDays(7);
        String policyId = c.createAutoSnapshotPolicy(create).getAutoSnapshotPolicyId();
        assertNotNull(policyId);

        AutoSnapshotPolicy p = describePolicy(c, policyId);
        assertEquals(create.getAutoSnapshotPolicyName(), p.getAutoSnapshotPolicyName());
        assertEquals(2, p.getRepeatWeekDays().size());
        assertEquals(1, p.getRepeatWeekDays().get(0).intValue());
        assertEquals(5, p.getRepeatWeekDays().get(1).intValue());
        assertEquals(farHour, p.getHours().get(0).intValue());
        assertEquals(7, p.getRetentionDays().intValue());
        assertEquals(0, p.getDiskNum().intValue());

        waitDisk(c, diskId, "AVAILABLE");
        ApplyAutoSnapshotPolicyRequest apply = new ApplyAutoSnapshotPolicyRequest();
        apply.setAutoSnapshotPolicyId(policyId);
        apply.setDiskIds(Collections.singletonList(diskId));
        assertNotNull(c.applyAutoSnapshotPolicy(apply).getRequestId());
        assertEquals(policyId, describeDisk(c, diskId).getAutoSnapshotPolicyId());
        p = describePolicy(c, policyId);
        assertEquals(Collections.singletonList(diskId), p.getDiskIdSet());
        assertEquals(1, p.getDiskNum().intValue());

        ApplyAutoSnapshotPolicyRequest elsewhere = new ApplyAutoSnapshotPolicyRequest();
        elsewhere.setAutoSnapshotPolicyId(policyId);
        elsewhere.setDiskIds(Collections.singletonList(DISK_EMPTY));
        expectCode("INVALID_AUTO_SNAPSHOT_ZONE_MISMATCH", () -> c.applyAutoSnapshotPolicy(elsewhere));

        ModifyAutoSnapshotPolicyRequest modify = new ModifyAutoSnapshotPolicyRequest();
        modify.setAutoSnapshotPolicyId(policyId);
        modify.setRetentionDays(14);
        c.modifyAutoSnapshotPolicy(modify);
        assertEquals(14, describePolicy(c, policyId).getRetentionDays().intValue());

        CancelAutoSnapshotPolicyRequest cancel = new CancelAutoSnapshotPolicyRequest();
        cancel.setAutoSnapshotPolicyId(policyId);
        cancel.setDiskIds(Collections.singletonList(diskId));
        assertNotNull(c.cancelAutoSnapshotPolicy(cancel).getRequestId());
        String bound = describeDisk(c, diskId).getAutoSnapshotPolicyId();
        assertTrue(bound == null || bound.isEmpty(), "still bound to " + bound);
        assertEquals(0, describePolicy(c, policyId).getDiskNum().intValue());

        DeleteAutoSnapshotPoliciesRequest delete = new DeleteAutoSnapshotPoliciesRequest();
        delete.setAutoSnapshotPolicyIds(Collections.singletonList(policyId));
        assertNotNull(c.deleteAutoSnapshotPolicies(delete).getRequestId());
        assertNull(describePolicy(c, policyId));
        expectCode("INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND", () -> c.deleteAutoSnapshotPolicies(delete));
        releaseTwice(c, diskId);
    }

    // --- the 2024-04-01 client: ChangeDisksAttach ---------------------------------------------

    @Test
    @Order(57)
    void v20240401ChangeDisksAttach() throws InterruptedException {
        ZecClient c = client();
        com.zenlayercloud.zec20240401.ZecClient c24 = client24();
        String diskId = createDisk(c);
        waitDisk(c, diskId, "AVAILABLE");
        com.zenlayercloud.zec20240401.models.AttachDisksRequest attach =
                new com.zenlayercloud.zec20240401.models.AttachDisksRequest();
        attach.diskIds = Collections.singletonList(diskId);
        attach.instanceId = INSTANCE_RUNNING;
        assertNotNull(c24.attachDisks(attach).requestId);
        waitDisk(c, diskId, "IN_USE");

        com.zenlayercloud.zec20240401.models.ChangeDisksAttachRequest move =
                new com.zenlayercloud.zec20240401.models.ChangeDisksAttachRequest();
        move.diskIds = Collections.singletonList(diskId);
        move.instanceId = INSTANCE_STOPPED;
        assertNotNull(c24.changeDisksAttach(move).requestId);
        waitDisk(c, diskId, d -> "IN_USE".equals(d.getDiskStatus()) && INSTANCE_STOPPED.equals(d.getInstanceId()), null);

        com.zenlayercloud.zec20240401.models.DetachDisksRequest detach =
                new com.zenlayercloud.zec20240401.models.DetachDisksRequest();
        detach.diskIds = Collections.singletonList(diskId);  // instanceCheckFlag defaults to true; db-01 is STOPPED
        assertNotNull(c24.detachDisks(detach).requestId);
        waitDisk(c, diskId, "AVAILABLE");
        releaseTwice(c, diskId);
    }
}
