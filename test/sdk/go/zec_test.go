// Fidelity tests: the official zenlayercloud-sdk-go against the zec-emulator.
//
// Every call goes through the SDK's own clients, request/response structs and
// *common.ZenlayerCloudSdkError. The SDK decodes each 200 response fully into typed structs
// and fails the call with JSON_PARSE_FAILED on any type mismatch, so a passing call proves
// the emulator's JSON types. A recording transport additionally checks the envelope
// (requestId outside == requestId inside "response", JSON content type) and logs fields the
// SDK model does not know.
//
// The runner (test/sdk/run.mjs) starts a fresh emulator and passes ZEC_SDK_ENDPOINT (host:port),
// ZEC_SDK_ACCESS_KEY_ID, ZEC_SDK_ACCESS_KEY_PASSWORD and ZEC_SDK_TOKEN. Tests run in file order against
// one emulator; snapshot tests record what they create in `created` so TestDeleteSnapshots
// can clean up (it creates its own snapshot when run alone).
package sdktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/common"
	zec24 "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/zec20240401"
	zec "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/zec20250901"
)

const (
	diskInUse             = "1400000000000000002" // asia-east-1a, DATA, IN_USE, 2 fixture snapshots
	diskAvailable         = "1400000000000000003" // asia-east-1a, DATA, AVAILABLE, 1 fixture snapshot
	diskNoSnapshotAbility = "1400000000000000005"
	diskCreating          = "1400000000000000006"
	diskEmpty             = "1400000000000000013" // asia-southeast-1a, DATA, AVAILABLE, no snapshots
	diskMissing           = "1499999999999999999"
	snapshotQuotaPerDisk  = 3 // the runner starts the emulator with --snapshot-quota-per-disk 3
	pollInterval          = 500 * time.Millisecond
	pollAttempts          = 60 // 30 s per wait; the emulator settles after 1 s
	timeLayout            = "2006-01-02T15:04:05Z"
)

var (
	timeRe  = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	idRe    = regexp.MustCompile(`^\d{19}$`)
	created []string
	// notedUnknown remembers which unknown response fields were already logged.
	notedUnknown sync.Map
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

var (
	endpoint  = env("ZEC_SDK_ENDPOINT", "127.0.0.1:8080")
	keyID     = env("ZEC_SDK_ACCESS_KEY_ID", "ZEC-EMULATOR-DEMO-KEY")
	keyPass   = env("ZEC_SDK_ACCESS_KEY_PASSWORD", "zec-emulator-demo-password")
	bearerTok = env("ZEC_SDK_TOKEN", "zec-emulator-demo-token")
)

// recorder is an http.RoundTripper that keeps the raw body of the last response.
type recorder struct {
	mu          sync.Mutex
	status      int
	contentType string
	body        []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.status, r.contentType, r.body = resp.StatusCode, resp.Header.Get("Content-Type"), body
	r.mu.Unlock()
	return resp, nil
}

// checkEnvelope verifies the last response's envelope and logs fields unknown to the SDK
// model `typed` (a pointer to the SDK's XxxResponse).
func (r *recorder) checkEnvelope(t *testing.T, action string, typed interface{}) {
	t.Helper()
	r.mu.Lock()
	status, contentType, body := r.status, r.contentType, r.body
	r.mu.Unlock()
	if !strings.HasPrefix(contentType, "application/json") {
		t.Errorf("%s: Content-Type = %q, want application/json", action, contentType)
	}
	var envelope struct {
		RequestID *string                    `json:"requestId"`
		Response  map[string]json.RawMessage `json:"response"`
	}
	if err := json.Unmarshal(body, &envelope); err != nil {
		t.Fatalf("%s: body is not JSON: %v", action, err)
	}
	if status != 200 {
		return
	}
	if envelope.RequestID == nil || *envelope.RequestID == "" || envelope.Response == nil {
		t.Fatalf("%s: envelope needs requestId and response: %s", action, body)
	}
	var inner string
	if err := json.Unmarshal(envelope.Response["requestId"], &inner); err != nil || inner != *envelope.RequestID {
		t.Errorf("%s: response.requestId %s != requestId %q", action, envelope.Response["requestId"], *envelope.RequestID)
	}
	strict := json.NewDecoder(bytes.NewReader(body))
	strict.DisallowUnknownFields()
	if err := strict.Decode(typed); err != nil {
		note := action + ": " + err.Error()
		if _, seen := notedUnknown.LoadOrStore(note, true); !seen {
			t.Logf("%s (a field the SDK model does not declare: allowed, noted once)", note)
		}
	}
}

func config(rec *recorder) *common.Config {
	cfg := common.NewConfig()
	cfg.Scheme = "http"
	cfg.Domain = endpoint
	cfg.Timeout = 30
	cfg.RateLimitExceededMaxRetries = 0
	cfg.Transport = rec
	return cfg
}

func newClient(t *testing.T) (*zec.Client, *recorder) {
	return newClientWithPassword(t, keyPass)
}

func newClientWithPassword(t *testing.T, password string) (*zec.Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c, err := zec.NewClient(config(rec), keyID, password)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, rec
}

func newClient24(t *testing.T) (*zec24.Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c, err := zec24.NewClient(config(rec), keyID, keyPass)
	if err != nil {
		t.Fatalf("NewClient (2024-04-01): %v", err)
	}
	return c, rec
}

func str(s string) *string { return &s }
func num(n int) *int       { return &n }
func utcIn(d time.Duration) string {
	return time.Now().UTC().Add(d).Format(timeLayout)
}
func uniqueName(prefix string) string {
	return fmt.Sprintf("%s-%d", prefix, time.Now().UnixNano()%1_000_000_000)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// expectCode asserts that err is the SDK's error type with the given code.
func expectCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected error %s, got success", code)
	}
	var sdkErr *common.ZenlayerCloudSdkError
	if !errors.As(err, &sdkErr) {
		t.Fatalf("expected *common.ZenlayerCloudSdkError %s, got %T: %v", code, err, err)
	}
	if sdkErr.GetCode() != code {
		t.Fatalf("code = %s, want %s (%v)", sdkErr.GetCode(), code, err)
	}
	if sdkErr.GetRequestId() == "" {
		t.Errorf("error %s carries no requestId", code)
	}
}

func must(t *testing.T, action string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
}

func checkDisk(t *testing.T, d *zec.DiskInfo) {
	t.Helper()
	if d.DiskId == nil || !idRe.MatchString(*d.DiskId) {
		t.Errorf("diskId %q is not a 19-digit id", deref(d.DiskId))
	}
	for name, field := range map[string]*string{"diskName": d.DiskName, "zoneId": d.ZoneId, "diskType": d.DiskType,
		"diskStatus": d.DiskStatus, "diskCategory": d.DiskCategory, "createTime": d.CreateTime} {
		if field == nil || *field == "" {
			t.Errorf("disk %s: %s missing", deref(d.DiskId), name)
		}
	}
	if d.DiskSize == nil || d.Portable == nil || d.SnapshotAbility == nil {
		t.Errorf("disk %s: diskSize/portable/snapshotAbility missing", deref(d.DiskId))
	}
	if d.CreateTime != nil && !timeRe.MatchString(*d.CreateTime) {
		t.Errorf("disk %s: createTime %q not yyyy-MM-ddTHH:mm:ssZ", deref(d.DiskId), *d.CreateTime)
	}
}

func checkSnapshot(t *testing.T, s *zec.SnapshotInfo) {
	t.Helper()
	if s.SnapshotId == nil || !idRe.MatchString(*s.SnapshotId) {
		t.Errorf("snapshotId %q is not a 19-digit id", deref(s.SnapshotId))
	}
	for name, field := range map[string]*string{"snapshotName": s.SnapshotName, "zoneId": s.ZoneId, "status": s.Status,
		"snapshotType": s.SnapshotType, "diskId": s.DiskId, "createTime": s.CreateTime} {
		if field == nil || *field == "" {
			t.Errorf("snapshot %s: %s missing", deref(s.SnapshotId), name)
		}
	}
	if s.CreateTime != nil && !timeRe.MatchString(*s.CreateTime) {
		t.Errorf("snapshot %s: createTime %q", deref(s.SnapshotId), *s.CreateTime)
	}
	if s.RetentionTime != nil && !timeRe.MatchString(*s.RetentionTime) {
		t.Errorf("snapshot %s: retentionTime %q", deref(s.SnapshotId), *s.RetentionTime)
	}
	if s.ResourceGroup == nil || s.ResourceGroup.ResourceGroupId == nil || *s.ResourceGroup.ResourceGroupId == "" {
		t.Errorf("snapshot %s: resourceGroup.resourceGroupId must never be omitted", deref(s.SnapshotId))
	}
}

func describeDisks(t *testing.T, c *zec.Client, rec *recorder, fill func(*zec.DescribeDisksRequest)) *zec.DescribeDisksResponseParams {
	t.Helper()
	req := zec.NewDescribeDisksRequest()
	fill(req)
	resp, err := c.DescribeDisks(req)
	must(t, "DescribeDisks", err)
	rec.checkEnvelope(t, "DescribeDisks", zec.NewDescribeDisksResponse())
	p := resp.Response
	if p == nil || p.TotalCount == nil {
		t.Fatalf("DescribeDisks: response.totalCount missing")
	}
	for _, d := range p.DataSet {
		checkDisk(t, d)
	}
	return p
}

func describeSnapshots(t *testing.T, c *zec.Client, rec *recorder, fill func(*zec.DescribeSnapshotsRequest)) *zec.DescribeSnapshotsResponseParams {
	t.Helper()
	req := zec.NewDescribeSnapshotsRequest()
	fill(req)
	resp, err := c.DescribeSnapshots(req)
	must(t, "DescribeSnapshots", err)
	rec.checkEnvelope(t, "DescribeSnapshots", zec.NewDescribeSnapshotsResponse())
	p := resp.Response
	if p == nil || p.TotalCount == nil {
		t.Fatalf("DescribeSnapshots: response.totalCount missing")
	}
	for _, s := range p.DataSet {
		checkSnapshot(t, s)
	}
	return p
}

func createSnapshot(t *testing.T, c *zec.Client, rec *recorder, diskID, retention string) (string, string) {
	t.Helper()
	req := zec.NewCreateSnapshotRequest()
	req.DiskId = str(diskID)
	req.SnapshotName = str(uniqueName("sdk-go"))
	if retention != "" {
		req.RetentionTime = str(retention)
	}
	resp, err := c.CreateSnapshot(req)
	must(t, "CreateSnapshot "+diskID, err)
	rec.checkEnvelope(t, "CreateSnapshot", zec.NewCreateSnapshotResponse())
	if resp.Response == nil || resp.Response.SnapshotId == nil || !idRe.MatchString(*resp.Response.SnapshotId) {
		t.Fatalf("CreateSnapshot: snapshotId missing or not a 19-digit id")
	}
	return *resp.Response.SnapshotId, *req.SnapshotName
}

func waitSnapshot(t *testing.T, c *zec.Client, rec *recorder, id, status string) *zec.SnapshotInfo {
	t.Helper()
	var last *zec.SnapshotInfo
	for i := 0; i < pollAttempts; i++ {
		p := describeSnapshots(t, c, rec, func(r *zec.DescribeSnapshotsRequest) { r.SnapshotIds = []string{id} })
		if *p.TotalCount != 1 || len(p.DataSet) != 1 {
			t.Fatalf("DescribeSnapshots(%s): totalCount %d, %d items", id, *p.TotalCount, len(p.DataSet))
		}
		last = p.DataSet[0]
		if deref(last.Status) == status {
			return last
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("snapshot %s never reached %s (last %s)", id, status, deref(last.Status))
	return nil
}

func waitGone(t *testing.T, c *zec.Client, rec *recorder, ids []string) {
	t.Helper()
	for i := 0; i < pollAttempts; i++ {
		p := describeSnapshots(t, c, rec, func(r *zec.DescribeSnapshotsRequest) { r.SnapshotIds = ids })
		if *p.TotalCount == 0 {
			if p.DataSet == nil {
				t.Logf("DescribeSnapshots: empty dataSet decoded as nil (absent or null?); SDKs expect []")
			}
			return
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("snapshots %v still listed after deletion", ids)
}

func ids(disks []*zec.DiskInfo) []string {
	out := make([]string, 0, len(disks))
	for _, d := range disks {
		out = append(out, *d.DiskId)
	}
	sort.Strings(out)
	return out
}

// --- zones and disks ------------------------------------------------------------------------

func TestDescribeZones(t *testing.T) {
	c, rec := newClient(t)
	resp, err := c.DescribeZones(zec.NewDescribeZonesRequest())
	must(t, "DescribeZones", err)
	rec.checkEnvelope(t, "DescribeZones", zec.NewDescribeZonesResponse())
	found := false
	for _, z := range resp.Response.ZoneSet {
		if deref(z.ZoneId) == "asia-east-1a" {
			found = true
			if deref(z.RegionId) != "asia-east-1" || z.SupportHaVip == nil || z.ZoneName == nil {
				t.Errorf("asia-east-1a: regionId %s, supportHaVip/zoneName present %v/%v",
					deref(z.RegionId), z.SupportHaVip != nil, z.ZoneName != nil)
			}
		}
	}
	if !found {
		t.Fatalf("zoneSet lacks asia-east-1a")
	}
}

func TestDescribeDisksFilters(t *testing.T) {
	c, rec := newClient(t)
	all := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.PageSize = num(100) })
	if *all.TotalCount < 13 || int64(len(all.DataSet)) != *all.TotalCount {
		t.Fatalf("all disks: totalCount %d, %d items", *all.TotalCount, len(all.DataSet))
	}

	byZone := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.ZoneId = str("asia-east-1a"); r.PageSize = num(100) })
	if *byZone.TotalCount == 0 || *byZone.TotalCount >= *all.TotalCount {
		t.Errorf("zoneId filter: totalCount %d of %d", *byZone.TotalCount, *all.TotalCount)
	}
	for _, d := range byZone.DataSet {
		if *d.ZoneId != "asia-east-1a" {
			t.Errorf("zoneId filter returned %s in %s", *d.DiskId, *d.ZoneId)
		}
	}

	data := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskType = str("DATA"); r.PageSize = num(100) })
	for _, d := range data.DataSet {
		if *d.DiskType != "DATA" {
			t.Errorf("diskType filter returned %s of type %s", *d.DiskId, *d.DiskType)
		}
	}

	available := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskStatus = str("AVAILABLE"); r.PageSize = num(100) })
	seen := map[string]bool{}
	for _, d := range available.DataSet {
		seen[*d.DiskId] = true
		if *d.DiskStatus != "AVAILABLE" {
			t.Errorf("diskStatus filter returned %s in %s", *d.DiskId, *d.DiskStatus)
		}
	}
	if !seen[diskAvailable] || !seen[diskEmpty] {
		t.Errorf("diskStatus=AVAILABLE lacks %s or %s", diskAvailable, diskEmpty)
	}

	byIDs := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskIds = []string{diskInUse, diskAvailable} })
	if got := ids(byIDs.DataSet); *byIDs.TotalCount != 2 || strings.Join(got, ",") != diskInUse+","+diskAvailable {
		t.Errorf("diskIds filter: totalCount %d, ids %v", *byIDs.TotalCount, got)
	}
	for _, d := range byIDs.DataSet {
		if *d.DiskId == diskInUse && (deref(d.DiskStatus) != "IN_USE" || deref(d.InstanceId) != "1300000000000000001") {
			t.Errorf("%s: status %s instance %s", diskInUse, deref(d.DiskStatus), deref(d.InstanceId))
		}
	}

	unknown := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskIds = []string{diskMissing} })
	if *unknown.TotalCount != 0 || len(unknown.DataSet) != 0 {
		t.Errorf("unknown diskId: totalCount %d", *unknown.TotalCount)
	}
}

func TestDescribeDisksPaging(t *testing.T) {
	c, rec := newClient(t)
	page1 := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.PageSize = num(2); r.PageNum = num(1) })
	page2 := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.PageSize = num(2); r.PageNum = num(2) })
	if *page1.TotalCount != *page2.TotalCount || *page1.TotalCount < 4 {
		t.Fatalf("totalCount differs or too small: %d vs %d", *page1.TotalCount, *page2.TotalCount)
	}
	if len(page1.DataSet) != 2 || len(page2.DataSet) != 2 {
		t.Fatalf("page sizes %d and %d, want 2 and 2", len(page1.DataSet), len(page2.DataSet))
	}
	for _, a := range page1.DataSet {
		for _, b := range page2.DataSet {
			if *a.DiskId == *b.DiskId {
				t.Errorf("disk %s on both pages", *a.DiskId)
			}
		}
	}
}

func TestSnapshotAbilityFlag(t *testing.T) {
	c, rec := newClient(t)
	p := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskIds = []string{diskNoSnapshotAbility, diskEmpty} })
	for _, d := range p.DataSet {
		want := *d.DiskId == diskEmpty
		if *d.SnapshotAbility != want {
			t.Errorf("%s: snapshotAbility %v, want %v", *d.DiskId, *d.SnapshotAbility, want)
		}
	}
}

// --- CreateSnapshot -------------------------------------------------------------------------

func TestCreateSnapshotWithoutRetention(t *testing.T) {
	c, rec := newClient(t)
	id, name := createSnapshot(t, c, rec, diskEmpty, "")
	created = append(created, id)
	s := waitSnapshot(t, c, rec, id, "AVAILABLE")
	if deref(s.SnapshotName) != name || deref(s.SnapshotType) != "Manual" || deref(s.DiskId) != diskEmpty ||
		deref(s.ZoneId) != "asia-southeast-1a" {
		t.Errorf("snapshot %s: name %s type %s disk %s zone %s", id, deref(s.SnapshotName), deref(s.SnapshotType),
			deref(s.DiskId), deref(s.ZoneId))
	}
	if s.RetentionTime != nil {
		t.Errorf("snapshot %s without retention has retentionTime %q", id, *s.RetentionTime)
	}
}

func TestCreateSnapshotWithRetention(t *testing.T) {
	c, rec := newClient(t)
	retention := utcIn(48 * time.Hour)
	id, _ := createSnapshot(t, c, rec, diskAvailable, retention)
	created = append(created, id)
	s := waitSnapshot(t, c, rec, id, "AVAILABLE")
	if deref(s.SnapshotType) != "Manual" || deref(s.DiskId) != diskAvailable || deref(s.ZoneId) != "asia-east-1a" {
		t.Errorf("snapshot %s: type %s disk %s zone %s", id, deref(s.SnapshotType), deref(s.DiskId), deref(s.ZoneId))
	}
	if deref(s.RetentionTime) != retention {
		t.Errorf("retentionTime %s, want %s", deref(s.RetentionTime), retention)
	}
}

func TestCreateSnapshotErrors(t *testing.T) {
	// HTTP statuses as in the CreateSnapshot documentation's error table.
	cases := []struct {
		name, diskID, retention, code string
		status                        int
	}{
		{"disk not found", diskMissing, "", "INVALID_DISK_NOT_FOUND", 404},
		{"disk CREATING", diskCreating, "", "UNSUPPORTED_OPERATION_DISK_STATUS", 400},
		{"snapshotAbility false", diskNoSnapshotAbility, "", "UNSUPPORTED_OPERATION_DISK_STATUS", 400},
		{"retention 1 h ahead", diskAvailable, utcIn(time.Hour), "INVALID_SNAPSHOT_RETENTION_TIME", 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newClient(t)
			req := zec.NewCreateSnapshotRequest()
			req.DiskId = str(tc.diskID)
			req.SnapshotName = str(uniqueName("sdk-go"))
			if tc.retention != "" {
				req.RetentionTime = str(tc.retention)
			}
			_, err := c.CreateSnapshot(req)
			expectCode(t, err, tc.code)
			rec.checkEnvelope(t, "CreateSnapshot", zec.NewCreateSnapshotResponse())
			if rec.status != tc.status {
				t.Errorf("HTTP status %d, want %d", rec.status, tc.status)
			}
		})
	}
}

func TestCreateSnapshotQuotaExceeded(t *testing.T) {
	c, rec := newClient(t)
	count := func() int {
		return *describeSnapshots(t, c, rec, func(r *zec.DescribeSnapshotsRequest) {
			r.DiskIds = []string{diskEmpty}
			r.PageSize = num(100)
		}).TotalCount
	}
	existing := count()
	if existing > snapshotQuotaPerDisk {
		t.Fatalf("disk %s already has %d snapshots, quota is %d", diskEmpty, existing, snapshotQuotaPerDisk)
	}
	for i := existing; i < snapshotQuotaPerDisk; i++ {
		id, _ := createSnapshot(t, c, rec, diskEmpty, "")
		created = append(created, id)
	}
	req := zec.NewCreateSnapshotRequest()
	req.DiskId = str(diskEmpty)
	req.SnapshotName = str(uniqueName("sdk-go"))
	_, err := c.CreateSnapshot(req)
	expectCode(t, err, "INVALID_SNAPSHOT_QUOTA_EXCEED")
	if rec.status != 400 {
		t.Errorf("HTTP status %d, want 400", rec.status)
	}
	if n := count(); n != snapshotQuotaPerDisk {
		t.Errorf("after refusal disk has %d snapshots, want %d", n, snapshotQuotaPerDisk)
	}
}

// --- DeleteSnapshots ------------------------------------------------------------------------

func TestDeleteSnapshots(t *testing.T) {
	c, rec := newClient(t)
	if len(created) == 0 {
		id, _ := createSnapshot(t, c, rec, diskEmpty, "")
		created = append(created, id)
	}
	for _, id := range created {
		waitSnapshot(t, c, rec, id, "AVAILABLE")
	}
	req := zec.NewDeleteSnapshotsRequest()
	req.SnapshotIds = created
	resp, err := c.DeleteSnapshots(req)
	must(t, "DeleteSnapshots", err)
	rec.checkEnvelope(t, "DeleteSnapshots", zec.NewDeleteSnapshotsResponse())
	if resp.Response == nil || len(resp.Response.SnapshotIds) != 0 {
		t.Fatalf("DeleteSnapshots: failed ids %v", resp.Response)
	}
	waitGone(t, c, rec, created)
	created = nil
}

// --- authentication -------------------------------------------------------------------------

func TestWrongPasswordIsRejected(t *testing.T) {
	c, rec := newClientWithPassword(t, "not-the-password")
	_, err := c.DescribeZones(zec.NewDescribeZonesRequest())
	expectCode(t, err, "AUTHFAILURE_SIGNATURE_FAILURE")
	if rec.status != http.StatusUnauthorized {
		t.Errorf("HTTP status %d, want 401", rec.status)
	}
}

func TestBearerTokenClient(t *testing.T) {
	rec := &recorder{}
	c, err := zec.NewClientWithTokenAndConfig(config(rec), bearerTok)
	must(t, "NewClientWithTokenAndConfig", err)
	resp, err := c.DescribeZones(zec.NewDescribeZonesRequest())
	must(t, "DescribeZones with token", err)
	rec.checkEnvelope(t, "DescribeZones", zec.NewDescribeZonesResponse())
	if len(resp.Response.ZoneSet) < 4 {
		t.Errorf("token client sees %d zones", len(resp.Response.ZoneSet))
	}
	p := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskIds = []string{diskAvailable} })
	if *p.TotalCount != 1 {
		t.Errorf("token client: totalCount %d for %s", *p.TotalCount, diskAvailable)
	}

	bad, err := zec.NewClientWithTokenAndConfig(config(&recorder{}), "not-a-token")
	must(t, "NewClientWithTokenAndConfig", err)
	_, err = bad.DescribeZones(zec.NewDescribeZonesRequest())
	var sdkErr *common.ZenlayerCloudSdkError
	if !errors.As(err, &sdkErr) || !strings.HasPrefix(sdkErr.Code, "AUTHFAILURE_") {
		t.Errorf("wrong token: want an AUTHFAILURE_* error, got %v", err)
	}
}

func TestRequestClientHeader(t *testing.T) {
	// Terraform and the CLI tag their calls with x-zc-request-client; it is not signed.
	c, rec := newClient(t)
	c.WithRequestClient("Terraform-latest")
	_, err := c.DescribeZones(zec.NewDescribeZonesRequest())
	must(t, "DescribeZones with x-zc-request-client", err)
	rec.checkEnvelope(t, "DescribeZones", zec.NewDescribeZonesResponse())
}

// --- the 2024-04-01 client package ----------------------------------------------------------

func TestV20240401DescribeDisks(t *testing.T) {
	c, rec := newClient24(t)
	req := zec24.NewDescribeDisksRequest()
	req.ZoneId = "asia-east-1a"
	req.DiskType = "DATA"
	req.PageSize = 2
	req.PageNum = 1
	resp, err := c.DescribeDisks(req)
	must(t, "DescribeDisks (2024-04-01)", err)
	rec.checkEnvelope(t, "DescribeDisks", zec24.NewDescribeDisksResponse())
	p := resp.Response
	if p.TotalCount <= 2 || len(p.DataSet) != 2 {
		t.Fatalf("totalCount %d, %d items", p.TotalCount, len(p.DataSet))
	}
	for _, d := range p.DataSet {
		if d.ZoneId != "asia-east-1a" || d.DiskType != "DATA" || d.DiskStatus == "" || d.DiskSize == 0 {
			t.Errorf("disk %s: zone %s type %s status %q size %d", d.DiskId, d.ZoneId, d.DiskType, d.DiskStatus, d.DiskSize)
		}
	}
}

func TestV20240401SnapshotRoundTrip(t *testing.T) {
	c, rec := newClient24(t)
	create := zec24.NewCreateSnapshotRequest()
	create.DiskId = str(diskInUse)
	create.SnapshotName = str(uniqueName("sdk-go24"))
	create.RetentionTime = str(utcIn(48 * time.Hour))
	created24, err := c.CreateSnapshot(create)
	must(t, "CreateSnapshot (2024-04-01)", err)
	rec.checkEnvelope(t, "CreateSnapshot", zec24.NewCreateSnapshotResponse())
	id := deref(created24.Response.SnapshotId)

	describe := func() *zec24.DescribeSnapshotsResponseParams {
		req := zec24.NewDescribeSnapshotsRequest()
		req.SnapshotIds = []string{id}
		resp, err := c.DescribeSnapshots(req)
		must(t, "DescribeSnapshots (2024-04-01)", err)
		rec.checkEnvelope(t, "DescribeSnapshots", zec24.NewDescribeSnapshotsResponse())
		if resp.Response.TotalCount == nil {
			t.Fatalf("totalCount missing")
		}
		return resp.Response
	}
	var status string
	for i := 0; i < pollAttempts && status != "AVAILABLE"; i++ {
		p := describe()
		if *p.TotalCount != 1 {
			t.Fatalf("DescribeSnapshots(%s): totalCount %d", id, *p.TotalCount)
		}
		s := p.DataSet[0]
		status = deref(s.Status)
		if deref(s.SnapshotType) != "Manual" || deref(s.DiskId) != diskInUse || s.ResourceGroup == nil {
			t.Fatalf("snapshot %s: type %s disk %s resourceGroup %v", id, deref(s.SnapshotType), deref(s.DiskId), s.ResourceGroup)
		}
		if status != "AVAILABLE" {
			time.Sleep(pollInterval)
		}
	}
	if status != "AVAILABLE" {
		t.Fatalf("snapshot %s stuck in %s", id, status)
	}

	del := zec24.NewDeleteSnapshotsRequest()
	del.SnapshotIds = []string{id}
	delResp, err := c.DeleteSnapshots(del)
	must(t, "DeleteSnapshots (2024-04-01)", err)
	rec.checkEnvelope(t, "DeleteSnapshots", zec24.NewDeleteSnapshotsResponse())
	if len(delResp.Response.SnapshotIds) != 0 {
		t.Fatalf("DeleteSnapshots failed ids %v", delResp.Response.SnapshotIds)
	}
	for i := 0; i < pollAttempts; i++ {
		if *describe().TotalCount == 0 {
			return
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("snapshot %s still listed after deletion", id)
}

func TestV20240401CreateSnapshotDiskNotFound(t *testing.T) {
	c, _ := newClient24(t)
	req := zec24.NewCreateSnapshotRequest()
	req.DiskId = str(diskMissing)
	req.SnapshotName = str(uniqueName("sdk-go24"))
	_, err := c.CreateSnapshot(req)
	expectCode(t, err, "INVALID_DISK_NOT_FOUND")
}
