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
import com.zenlayercloud.zec20250901.models.CreateSnapshotRequest;
import com.zenlayercloud.zec20250901.models.CreateSnapshotResponse;
import com.zenlayercloud.zec20250901.models.DeleteSnapshotsRequest;
import com.zenlayercloud.zec20250901.models.DeleteSnapshotsResponse;
import com.zenlayercloud.zec20250901.models.DescribeDisksRequest;
import com.zenlayercloud.zec20250901.models.DescribeDisksResponse;
import com.zenlayercloud.zec20250901.models.DescribeSnapshotsRequest;
import com.zenlayercloud.zec20250901.models.DescribeSnapshotsResponse;
import com.zenlayercloud.zec20250901.models.DescribeZonesRequest;
import com.zenlayercloud.zec20250901.models.DescribeZonesResponse;
import com.zenlayercloud.zec20250901.models.DiskInfo;
import com.zenlayercloud.zec20250901.models.SnapshotInfo;
import com.zenlayercloud.zec20250901.models.ZoneInfo;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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
}
