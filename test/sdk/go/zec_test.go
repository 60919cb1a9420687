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
// can clean up (it creates its own snapshot when run alone). The disk, rollback and policy tests
// create their own disks and policies and release or delete them.
package sdktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
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
	// succeeded collects every action that answered 200 through a recorder (TestEveryEmulatorActionCalled).
	succeeded sync.Map
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
	if resp.StatusCode == http.StatusOK {
		for name, values := range req.Header { // the SDK sets x-zc-action without canonicalising it
			if strings.EqualFold(name, "x-zc-action") && len(values) > 0 {
				succeeded.Store(values[0], true)
			}
		}
	}
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
	if inner, ok := reflect.TypeOf(typed).Elem().FieldByName("Response"); ok {
		for _, path := range absentFields(inner.Type, body, "response") {
			note := action + ": " + path
			if _, seen := notedUnknown.LoadOrStore(note, true); !seen {
				t.Logf("%s: declared by the SDK model but absent from the answer (noted once)", note)
			}
		}
	}
}

// absentFields lists the JSON fields that the SDK type `typ` declares but `raw` (a JSON object)
// lacks, recursing into nested objects and into the first element of arrays. The SDKs treat an
// absent field like null, so these are only logged: the emulator's rule is to send every field.
func absentFields(typ reflect.Type, raw []byte, path string) []string {
	for typ.Kind() == reflect.Ptr {
		typ = typ.Elem()
	}
	switch typ.Kind() {
	case reflect.Slice:
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) == nil && len(items) > 0 {
			return absentFields(typ.Elem(), items[0], path+"[0]")
		}
	case reflect.Struct:
		var fields map[string]json.RawMessage
		if json.Unmarshal(raw, &fields) != nil || fields == nil {
			return nil
		}
		if path == "response" { // the envelope: descend into its "response" object
			raw, fields = fields["response"], nil
			if json.Unmarshal(raw, &fields) != nil || fields == nil {
				return nil
			}
		}
		var out []string
		for i := 0; i < typ.NumField(); i++ {
			name := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]
			if name == "" || name == "-" {
				continue
			}
			value, present := fields[name]
			if !present {
				out = append(out, path+"."+name)
			} else if string(value) != "null" {
				out = append(out, absentFields(typ.Field(i).Type, value, path+"."+name)...)
			}
		}
		return out
	}
	return nil
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
func boolean(b bool) *bool { return &b }
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

// --- instances ------------------------------------------------------------------------------

const (
	instanceRunning = "1300000000000000001" // web-01, asia-east-1a, RUNNING: system disk ...001, data disk ...002
	instanceStopped = "1300000000000000002" // db-01, asia-east-1a, STOPPED
	instanceSG      = "1300000000000000003" // sg-app-01, asia-southeast-1a, RUNNING
	groupStaging    = "2d9e7f10-6a3b-4e8c-b5d4-7c1f0e9a8b32"
)

var categories = map[string]bool{"Basic NVMe SSD": true, "Standard NVMe SSD": true}

func checkInstance(t *testing.T, i *zec.InstanceInfo) {
	t.Helper()
	if i.InstanceId == nil || !idRe.MatchString(*i.InstanceId) {
		t.Errorf("instanceId %q is not a 19-digit id", deref(i.InstanceId))
	}
	for name, field := range map[string]*string{"instanceName": i.InstanceName, "zoneId": i.ZoneId, "instanceType": i.InstanceType,
		"imageId": i.ImageId, "status": i.Status, "createTime": i.CreateTime, "resourceGroupId": i.ResourceGroupId} {
		if field == nil || *field == "" {
			t.Errorf("instance %s: %s missing", deref(i.InstanceId), name)
		}
	}
	if i.Cpu == nil || i.Memory == nil || i.EnableAgent == nil || i.EnableIpForward == nil {
		t.Errorf("instance %s: cpu/memory/enableAgent/enableIpForward missing", deref(i.InstanceId))
	}
	if i.CreateTime != nil && !timeRe.MatchString(*i.CreateTime) {
		t.Errorf("instance %s: createTime %q", deref(i.InstanceId), *i.CreateTime)
	}
	if s := i.SystemDisk; s != nil && (s.DiskId == nil || s.DiskSize == nil || !categories[deref(s.DiskCategory)] || s.BurstingEnabled == nil) {
		t.Errorf("instance %s: incomplete systemDisk", deref(i.InstanceId))
	}
	for _, d := range i.DataDisks {
		if d.DiskId == nil || d.DiskName == nil || d.DiskSize == nil || d.DiskAmount == nil || d.Portable == nil ||
			d.BurstingEnabled == nil || !categories[deref(d.DiskCategory)] {
			t.Errorf("instance %s: incomplete data disk %s", deref(i.InstanceId), deref(d.DiskId))
		}
	}
}

func describeInstances(t *testing.T, c *zec.Client, rec *recorder, fill func(*zec.DescribeInstancesRequest)) *zec.DescribeInstancesResponseParams {
	t.Helper()
	req := zec.NewDescribeInstancesRequest()
	fill(req)
	resp, err := c.DescribeInstances(req)
	must(t, "DescribeInstances", err)
	rec.checkEnvelope(t, "DescribeInstances", zec.NewDescribeInstancesResponse())
	p := resp.Response
	if p == nil || p.TotalCount == nil {
		t.Fatalf("DescribeInstances: response.totalCount missing")
	}
	for _, i := range p.DataSet {
		checkInstance(t, i)
	}
	return p
}

func TestDescribeInstances(t *testing.T) {
	c, rec := newClient(t)
	p := describeInstances(t, c, rec, func(r *zec.DescribeInstancesRequest) { r.InstanceIds = []string{instanceRunning, instanceStopped} })
	if *p.TotalCount != 2 || len(p.DataSet) != 2 {
		t.Fatalf("totalCount %d, %d items", *p.TotalCount, len(p.DataSet))
	}
	for _, i := range p.DataSet {
		switch *i.InstanceId {
		case instanceRunning:
			if deref(i.Status) != "RUNNING" || deref(i.ZoneId) != "asia-east-1a" || i.SystemDisk == nil ||
				deref(i.SystemDisk.DiskId) != "1400000000000000001" {
				t.Errorf("web-01: status %s zone %s systemDisk %v", deref(i.Status), deref(i.ZoneId), i.SystemDisk)
			}
			found := false
			for _, d := range i.DataDisks {
				found = found || deref(d.DiskId) == diskInUse
			}
			if !found {
				t.Errorf("web-01: dataDisks lack %s", diskInUse)
			}
		case instanceStopped:
			if deref(i.Status) != "STOPPED" {
				t.Errorf("db-01: status %s", deref(i.Status))
			}
		}
	}
	byZone := describeInstances(t, c, rec, func(r *zec.DescribeInstancesRequest) { r.ZoneId = str("asia-southeast-1a") })
	if *byZone.TotalCount != 1 || deref(byZone.DataSet[0].InstanceId) != instanceSG {
		t.Errorf("zoneId filter: totalCount %d", *byZone.TotalCount)
	}
	stopped := describeInstances(t, c, rec, func(r *zec.DescribeInstancesRequest) { r.Status = str("STOPPED"); r.PageSize = num(100) })
	for _, i := range stopped.DataSet {
		if deref(i.Status) != "STOPPED" {
			t.Errorf("status filter returned %s in %s", deref(i.InstanceId), deref(i.Status))
		}
	}
	unknown := describeInstances(t, c, rec, func(r *zec.DescribeInstancesRequest) { r.InstanceIds = []string{"1399999999999999999"} })
	if *unknown.TotalCount != 0 || len(unknown.DataSet) != 0 {
		t.Errorf("unknown instance id: totalCount %d", *unknown.TotalCount)
	}
}

func TestDescribeInstancesStatus(t *testing.T) {
	c, rec := newClient(t)
	req := zec.NewDescribeInstancesStatusRequest()
	req.InstanceIds = []string{instanceRunning, instanceStopped, instanceSG}
	resp, err := c.DescribeInstancesStatus(req)
	must(t, "DescribeInstancesStatus", err)
	rec.checkEnvelope(t, "DescribeInstancesStatus", zec.NewDescribeInstancesStatusResponse())
	want := map[string]string{instanceRunning: "RUNNING", instanceStopped: "STOPPED", instanceSG: "RUNNING"}
	if resp.Response.TotalCount == nil || *resp.Response.TotalCount != 3 || len(resp.Response.DataSet) != 3 {
		t.Fatalf("DescribeInstancesStatus: %d items", len(resp.Response.DataSet))
	}
	for _, s := range resp.Response.DataSet {
		if want[deref(s.InstanceId)] != deref(s.InstanceStatus) {
			t.Errorf("%s: instanceStatus %s, want %s", deref(s.InstanceId), deref(s.InstanceStatus), want[deref(s.InstanceId)])
		}
	}
	paged := zec.NewDescribeInstancesStatusRequest()
	paged.PageSize, paged.PageNum = num(2), num(1)
	page, err := c.DescribeInstancesStatus(paged)
	must(t, "DescribeInstancesStatus (paged)", err)
	if *page.Response.TotalCount < 3 || len(page.Response.DataSet) != 2 {
		t.Errorf("page 1 of 2: totalCount %d, %d items", *page.Response.TotalCount, len(page.Response.DataSet))
	}
}

// --- the disk catalogue and prices ----------------------------------------------------------

func checkPrice(t *testing.T, what string, p *zec.PriceItem) {
	t.Helper()
	if p == nil {
		t.Fatalf("%s: price missing", what)
	}
	if p.Discount == nil || p.UnitPrice == nil || p.DiscountUnitPrice == nil || *p.UnitPrice <= 0 {
		t.Errorf("%s: discount/unitPrice/discountUnitPrice missing or zero", what)
	}
	if c := deref(p.ChargeUnit); c != "HOUR" && c != "DAY" && c != "MONTH" {
		t.Errorf("%s: chargeUnit %q", what, c)
	}
	if c := deref(p.Category); c != "STANDARD" && c != "CUSTOMIZED" {
		t.Errorf("%s: category %q", what, c)
	}
}

func TestDiskCatalogue(t *testing.T) {
	c, rec := newClient(t)
	regions, err := c.DescribeDiskRegions(zec.NewDescribeDiskRegionsRequest())
	must(t, "DescribeDiskRegions", err)
	rec.checkEnvelope(t, "DescribeDiskRegions", zec.NewDescribeDiskRegionsResponse())
	if got := strings.Join(regions.Response.RegionIds, ","); !strings.Contains(got, "asia-east-1") || !strings.Contains(got, "na-west-1") {
		t.Errorf("regionIds %v", regions.Response.RegionIds)
	}

	catReq := zec.NewDescribeDiskCategoryRequest()
	catReq.ZoneId = str("asia-east-1a")
	cat, err := c.DescribeDiskCategory(catReq)
	must(t, "DescribeDiskCategory", err)
	rec.checkEnvelope(t, "DescribeDiskCategory", zec.NewDescribeDiskCategoryResponse())
	if len(cat.Response.CategoryZoneSet) != 1 || deref(cat.Response.CategoryZoneSet[0].ZoneId) != "asia-east-1a" ||
		len(cat.Response.CategoryZoneSet[0].CategorySet) != 2 {
		t.Errorf("categoryZoneSet for asia-east-1a: %+v", cat.Response.CategoryZoneSet)
	}
	basicReq := zec.NewDescribeDiskCategoryRequest()
	basicReq.DiskCategory = str("Basic NVMe SSD")
	basic, err := c.DescribeDiskCategory(basicReq)
	must(t, "DescribeDiskCategory (Basic)", err)
	for _, item := range basic.Response.CategoryZoneSet {
		if strings.Join(item.CategorySet, ",") != "Basic NVMe SSD" {
			t.Errorf("zone %s: categorySet %v", deref(item.ZoneId), item.CategorySet)
		}
	}

	price := func(amount int) float64 {
		req := zec.NewInquiryPriceCreateDisksRequest()
		req.ZoneId, req.DiskSize, req.DiskAmount, req.DiskCategory = str("asia-east-1a"), num(100), num(amount), str("Standard NVMe SSD")
		resp, err := c.InquiryPriceCreateDisks(req)
		must(t, "InquiryPriceCreateDisks", err)
		rec.checkEnvelope(t, "InquiryPriceCreateDisks", zec.NewInquiryPriceCreateDisksResponse())
		checkPrice(t, "dataDiskPrice", resp.Response.DataDiskPrice)
		if resp.Response.DataDiskPrice == nil || resp.Response.DataDiskPrice.UnitPrice == nil {
			return 0
		}
		return *resp.Response.DataDiskPrice.UnitPrice
	}
	if one, two := price(1), price(2); one <= 0 || two < 1.99*one || two > 2.01*one {
		t.Errorf("unitPrice for 2 disks %v is not twice that for 1 (%v)", two, one)
	}
}

// --- the disk lifecycle ---------------------------------------------------------------------

func describeDisk(t *testing.T, c *zec.Client, rec *recorder, id string) *zec.DiskInfo {
	t.Helper()
	p := describeDisks(t, c, rec, func(r *zec.DescribeDisksRequest) { r.DiskIds = []string{id} })
	if *p.TotalCount == 0 {
		return nil
	}
	return p.DataSet[0]
}

// waitDisk polls DescribeDisks until the disk is in status; seen (if not nil) collects every status observed.
func waitDisk(t *testing.T, c *zec.Client, rec *recorder, id, status string, seen *[]string) *zec.DiskInfo {
	t.Helper()
	var last *zec.DiskInfo
	for i := 0; i < pollAttempts; i++ {
		last = describeDisk(t, c, rec, id)
		if last == nil {
			t.Fatalf("disk %s disappeared while waiting for %s", id, status)
		}
		if seen != nil {
			*seen = append(*seen, deref(last.DiskStatus))
		}
		if deref(last.DiskStatus) == status {
			return last
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("disk %s never reached %s (last %s)", id, status, deref(last.DiskStatus))
	return nil
}

func waitDiskGone(t *testing.T, c *zec.Client, rec *recorder, id string) {
	t.Helper()
	for i := 0; i < pollAttempts; i++ {
		if describeDisk(t, c, rec, id) == nil {
			return
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("disk %s still listed after the second ReleaseDisk", id)
}

func createDisk(t *testing.T, c *zec.Client, rec *recorder, fill func(*zec.CreateDisksRequest)) (string, string) {
	t.Helper()
	req := zec.NewCreateDisksRequest()
	req.ZoneId, req.DiskName, req.DiskSize = str("asia-east-1a"), str(uniqueName("sdk-go-disk")), num(20)
	fill(req)
	resp, err := c.CreateDisks(req)
	must(t, "CreateDisks", err)
	rec.checkEnvelope(t, "CreateDisks", zec.NewCreateDisksResponse())
	if len(resp.Response.DiskIds) != 1 || !idRe.MatchString(resp.Response.DiskIds[0]) || deref(resp.Response.OrderNumber) == "" {
		t.Fatalf("CreateDisks: diskIds %v orderNumber %q", resp.Response.DiskIds, deref(resp.Response.OrderNumber))
	}
	return resp.Response.DiskIds[0], *req.DiskName
}

func releaseDisk(t *testing.T, c *zec.Client, rec *recorder, id string) {
	t.Helper()
	req := zec.NewReleaseDiskRequest()
	req.DiskId = str(id)
	_, err := c.ReleaseDisk(req)
	must(t, "ReleaseDisk "+id, err)
	rec.checkEnvelope(t, "ReleaseDisk", zec.NewReleaseDiskResponse())
}

// releaseTwice: ReleaseDisk → RECYCLED, ReleaseDisk again → gone (totalCount 0).
func releaseTwice(t *testing.T, c *zec.Client, rec *recorder, id string) {
	t.Helper()
	releaseDisk(t, c, rec, id)
	waitDisk(t, c, rec, id, "RECYCLED", nil)
	releaseDisk(t, c, rec, id)
	waitDiskGone(t, c, rec, id)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestDiskLifecycle(t *testing.T) {
	c, rec := newClient(t)
	id, name := createDisk(t, c, rec, func(r *zec.CreateDisksRequest) {
		r.DiskCategory = str("Standard NVMe SSD")
		r.BurstingEnabled = boolean(true)
		r.Tags = &zec.TagAssociation{Tags: []*zec.Tag{{Key: str("suite"), Value: str("sdk-go")}}}
	})
	var seen []string
	d := waitDisk(t, c, rec, id, "AVAILABLE", &seen)
	if seen[0] != "CREATING" && seen[0] != "AVAILABLE" {
		t.Errorf("new disk first seen %s", seen[0])
	}
	if deref(d.DiskName) != name || *d.DiskSize != 20 || deref(d.DiskType) != "DATA" || deref(d.RegionId) != "asia-east-1" ||
		!*d.Portable || !*d.SnapshotAbility || d.BurstingEnabled == nil || !*d.BurstingEnabled || deref(d.InstanceId) != "" {
		t.Errorf("new disk %s: %+v", id, d)
	}
	if d.Tags == nil || len(d.Tags.Tags) != 1 || deref(d.Tags.Tags[0].Key) != "suite" || deref(d.Tags.Tags[0].Value) != "sdk-go" {
		t.Errorf("new disk %s: tags %+v", id, d.Tags)
	}

	rename := zec.NewModifyDisksAttributesRequest()
	rename.DiskIds, rename.DiskName = []string{id}, str(uniqueName("sdk-go-renamed"))
	_, err := c.ModifyDisksAttributes(rename)
	must(t, "ModifyDisksAttributes", err)
	rec.checkEnvelope(t, "ModifyDisksAttributes", zec.NewModifyDisksAttributesResponse())
	if got := deref(describeDisk(t, c, rec, id).DiskName); got != *rename.DiskName {
		t.Errorf("after ModifyDisksAttributes diskName %s, want %s", got, *rename.DiskName)
	}

	group := zec.NewModifyDisksResourceGroupRequest()
	group.DiskIds, group.ResourceGroupId = []string{id}, str(groupStaging)
	_, err = c.ModifyDisksResourceGroup(group)
	must(t, "ModifyDisksResourceGroup", err)
	rec.checkEnvelope(t, "ModifyDisksResourceGroup", zec.NewModifyDisksResourceGroupResponse())
	if d := describeDisk(t, c, rec, id); deref(d.ResourceGroupId) != groupStaging || deref(d.ResourceGroupName) != "staging" {
		t.Errorf("after ModifyDisksResourceGroup: %s / %s", deref(d.ResourceGroupId), deref(d.ResourceGroupName))
	}

	inquiry := zec.NewInquiryPriceResizeDiskRequest()
	inquiry.DiskId, inquiry.DiskSize = str(id), num(30)
	priced, err := c.InquiryPriceResizeDisk(inquiry)
	must(t, "InquiryPriceResizeDisk", err)
	rec.checkEnvelope(t, "InquiryPriceResizeDisk", zec.NewInquiryPriceResizeDiskResponse())
	checkPrice(t, "diskPrice", priced.Response.DiskPrice)
	if perf := priced.Response.DiskPerf; perf == nil || perf.MaxIops == nil || perf.MaxBandwidth == nil || perf.IopsBurst == nil || perf.BandwidthBurst == nil {
		t.Errorf("InquiryPriceResizeDisk: diskPerf incomplete: %+v", perf)
	}

	resize := zec.NewResizeDiskRequest()
	resize.DiskId, resize.DiskSize = str(id), num(30)
	_, err = c.ResizeDisk(resize)
	must(t, "ResizeDisk", err)
	rec.checkEnvelope(t, "ResizeDisk", zec.NewResizeDiskResponse())
	seen = nil
	d = waitDisk(t, c, rec, id, "AVAILABLE", &seen)
	if !contains(seen, "CHANGING") || *d.DiskSize != 30 {
		t.Errorf("ResizeDisk: statuses %v, size %d", seen, *d.DiskSize)
	}
	_, err = c.ResizeDisk(resize) // not larger than the current size
	expectCode(t, err, "INVALID_PARAMETER_VALUE")

	attach := zec.NewAttachDisksRequest()
	attach.DiskIds, attach.InstanceId = []string{id}, str(instanceRunning)
	_, err = c.AttachDisks(attach)
	must(t, "AttachDisks", err)
	rec.checkEnvelope(t, "AttachDisks", zec.NewAttachDisksResponse())
	d = waitDisk(t, c, rec, id, "IN_USE", nil)
	if deref(d.InstanceId) != instanceRunning || deref(d.InstanceName) != "web-01" {
		t.Errorf("attached disk: instance %s (%s)", deref(d.InstanceId), deref(d.InstanceName))
	}
	web := describeInstances(t, c, rec, func(r *zec.DescribeInstancesRequest) { r.InstanceIds = []string{instanceRunning} })
	onWeb := false
	for _, dd := range web.DataSet[0].DataDisks {
		onWeb = onWeb || deref(dd.DiskId) == id
	}
	if !onWeb {
		t.Errorf("DescribeInstances: web-01 dataDisks lack %s", id)
	}

	release := zec.NewReleaseDiskRequest()
	release.DiskId = str(id)
	_, err = c.ReleaseDisk(release)
	expectCode(t, err, "UNSUPPORTED_OPERATION_DISK_STATUS")
	offline := zec.NewDetachDisksRequest() // instanceCheckFlag defaults to true: STOPPED instances only
	offline.DiskIds = []string{id}
	_, err = c.DetachDisks(offline)
	expectCode(t, err, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")

	detach := zec.NewDetachDisksRequest()
	detach.DiskIds, detach.InstanceCheckFlag = []string{id}, boolean(false)
	detached, err := c.DetachDisks(detach)
	must(t, "DetachDisks", err)
	rec.checkEnvelope(t, "DetachDisks", zec.NewDetachDisksResponse())
	if len(detached.Response.FailedDiskIds) != 0 {
		t.Fatalf("DetachDisks: failedDiskIds %v", detached.Response.FailedDiskIds)
	}
	if !bytes.Contains(rec.body, []byte(`"failedDiskIds":[]`)) {
		t.Errorf("DetachDisks: failedDiskIds must be [] on success: %s", rec.body)
	}
	d = waitDisk(t, c, rec, id, "AVAILABLE", nil)
	if deref(d.InstanceId) != "" || deref(d.InstanceName) != "" {
		t.Errorf("detached disk still shows instance %s (%s)", deref(d.InstanceId), deref(d.InstanceName))
	}

	releaseDisk(t, c, rec, id)
	waitDisk(t, c, rec, id, "RECYCLED", nil)
	renew := zec.NewRenewDiskRequest()
	renew.DiskId = str(id)
	_, err = c.RenewDisk(renew)
	must(t, "RenewDisk", err)
	rec.checkEnvelope(t, "RenewDisk", zec.NewRenewDiskResponse())
	waitDisk(t, c, rec, id, "AVAILABLE", nil)
	releaseTwice(t, c, rec, id)
	_, err = c.ReleaseDisk(release)
	expectCode(t, err, "INVALID_DISK_NOT_FOUND")
}

func TestAttachDisksZoneMismatch(t *testing.T) {
	c, rec := newClient(t)
	req := zec.NewAttachDisksRequest()
	req.DiskIds, req.InstanceId = []string{diskEmpty}, str(instanceRunning) // asia-southeast-1a vs asia-east-1a
	_, err := c.AttachDisks(req)
	expectCode(t, err, "INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED")
	if rec.status != 400 {
		t.Errorf("HTTP status %d, want 400", rec.status)
	}
}

func TestDescribeDiskMonitorData(t *testing.T) {
	c, rec := newClient(t)
	end := time.Now().UTC().Truncate(time.Minute)
	req := zec.NewDescribeDiskMonitorDataRequest()
	req.DiskId, req.MetricType, req.Step = str(diskInUse), str("DISK_READ_OPS"), num(5)
	req.StartTime, req.EndTime = str(end.Add(-time.Hour).Format(timeLayout)), str(end.Format(timeLayout))
	resp, err := c.DescribeDiskMonitorData(req)
	must(t, "DescribeDiskMonitorData", err)
	rec.checkEnvelope(t, "DescribeDiskMonitorData", zec.NewDescribeDiskMonitorDataResponse())
	p := resp.Response
	if len(p.Metrics) < 12 || len(p.Metrics) > 13 {
		t.Fatalf("one hour at 5-minute steps gave %d points", len(p.Metrics))
	}
	for _, m := range p.Metrics {
		if m.Time == nil || !timeRe.MatchString(*m.Time) {
			t.Errorf("metric time %q", deref(m.Time))
		}
	}
	if p.MinValue == nil || p.AvgValue == nil || p.MaxValue == nil || *p.MinValue > *p.AvgValue || *p.AvgValue > *p.MaxValue {
		t.Errorf("min/avg/max inconsistent: %v %v %v", p.MinValue, p.AvgValue, p.MaxValue)
	}
	bad := zec.NewDescribeDiskMonitorDataRequest()
	bad.DiskId, bad.MetricType, bad.StartTime, bad.EndTime = str(diskInUse), str("DISK_UTIL"), str("yesterday"), req.EndTime
	_, err = c.DescribeDiskMonitorData(bad)
	expectCode(t, err, "INVALID_PARAMETER_DATE_FORMAT_ERROR")
}

// --- rollback and snapshot attributes -------------------------------------------------------

func TestApplySnapshotAndModifySnapshotsAttribute(t *testing.T) {
	c, rec := newClient(t)
	diskID, _ := createDisk(t, c, rec, func(*zec.CreateDisksRequest) {})
	waitDisk(t, c, rec, diskID, "AVAILABLE", nil)
	snapID, _ := createSnapshot(t, c, rec, diskID, "")
	waitSnapshot(t, c, rec, snapID, "AVAILABLE")

	apply := zec.NewApplySnapshotRequest()
	apply.SnapshotId, apply.DiskId = str(snapID), str(diskID)
	_, err := c.ApplySnapshot(apply)
	must(t, "ApplySnapshot", err)
	rec.checkEnvelope(t, "ApplySnapshot", zec.NewApplySnapshotResponse())
	var seen []string
	waitDisk(t, c, rec, diskID, "AVAILABLE", &seen)
	if seen[0] != "ROLLING_BACK" {
		t.Errorf("disk right after ApplySnapshot: %v, want ROLLING_BACK first", seen)
	}
	waitSnapshot(t, c, rec, snapID, "AVAILABLE")

	missing := zec.NewApplySnapshotRequest()
	missing.SnapshotId, missing.DiskId = str("1599999999999999999"), str(diskID)
	_, err = c.ApplySnapshot(missing)
	expectCode(t, err, "INVALID_DISK_SNAPSHOT_NOT_FOUND")

	modify := zec.NewModifySnapshotsAttributeRequest()
	retention := utcIn(72 * time.Hour)
	modify.SnapshotIds, modify.SnapshotName, modify.RetentionTime = []string{snapID}, str(uniqueName("sdk-go-renamed")), str(retention)
	_, err = c.ModifySnapshotsAttribute(modify)
	must(t, "ModifySnapshotsAttribute", err)
	rec.checkEnvelope(t, "ModifySnapshotsAttribute", zec.NewModifySnapshotsAttributeResponse())
	s := describeSnapshots(t, c, rec, func(r *zec.DescribeSnapshotsRequest) { r.SnapshotIds = []string{snapID} }).DataSet[0]
	if deref(s.SnapshotName) != *modify.SnapshotName || deref(s.RetentionTime) != retention {
		t.Errorf("after ModifySnapshotsAttribute: name %s retention %s", deref(s.SnapshotName), deref(s.RetentionTime))
	}
	permanent := zec.NewModifySnapshotsAttributeRequest()
	permanent.SnapshotIds, permanent.IsPermanent = []string{snapID}, boolean(true)
	_, err = c.ModifySnapshotsAttribute(permanent)
	must(t, "ModifySnapshotsAttribute isPermanent", err)
	s = describeSnapshots(t, c, rec, func(r *zec.DescribeSnapshotsRequest) { r.SnapshotIds = []string{snapID} }).DataSet[0]
	if s.RetentionTime != nil {
		t.Errorf("isPermanent left retentionTime %s", *s.RetentionTime)
	}

	del := zec.NewDeleteSnapshotsRequest()
	del.SnapshotIds = []string{snapID}
	_, err = c.DeleteSnapshots(del)
	must(t, "DeleteSnapshots", err)
	waitGone(t, c, rec, []string{snapID})
	releaseTwice(t, c, rec, diskID)
}

// --- auto-snapshot policies -----------------------------------------------------------------

func describePolicy(t *testing.T, c *zec.Client, rec *recorder, id string) *zec.AutoSnapshotPolicy {
	t.Helper()
	req := zec.NewDescribeAutoSnapshotPoliciesRequest()
	req.AutoSnapshotPolicyIds = []string{id}
	resp, err := c.DescribeAutoSnapshotPolicies(req)
	must(t, "DescribeAutoSnapshotPolicies", err)
	rec.checkEnvelope(t, "DescribeAutoSnapshotPolicies", zec.NewDescribeAutoSnapshotPoliciesResponse())
	p := resp.Response
	if p.TotalCount == nil {
		t.Fatalf("DescribeAutoSnapshotPolicies: totalCount missing")
	}
	if *p.TotalCount == 0 {
		return nil
	}
	policy := p.DataSet[0]
	if deref(policy.AutoSnapshotPolicyId) != id || policy.RetentionDays == nil || policy.DiskNum == nil ||
		*policy.DiskNum != len(policy.DiskIdSet) || policy.ResourceGroup == nil || policy.ResourceGroup.ResourceGroupId == nil ||
		policy.CreateTime == nil || !timeRe.MatchString(*policy.CreateTime) || policy.Tags == nil {
		t.Errorf("policy %s incomplete: %s", id, rec.body)
	}
	return policy
}

func TestAutoSnapshotPolicy(t *testing.T) {
	c, rec := newClient(t)
	diskID, _ := createDisk(t, c, rec, func(*zec.CreateDisksRequest) {})
	farHour := (time.Now().UTC().Hour() + 12) % 24 // the policy never runs while the suite does
	create := zec.NewCreateAutoSnapshotPolicyRequest()
	create.ZoneId, create.AutoSnapshotPolicyName = str("asia-east-1a"), str(uniqueName("sdk-go-policy"))
	create.RepeatWeekDays, create.Hours, create.RetentionDays = []int{5, 1, 1}, []int{farHour}, num(7)
	create.Tags = &zec.TagAssociation{Tags: []*zec.Tag{{Key: str("suite"), Value: str("sdk-go")}}}
	created, err := c.CreateAutoSnapshotPolicy(create)
	must(t, "CreateAutoSnapshotPolicy", err)
	rec.checkEnvelope(t, "CreateAutoSnapshotPolicy", zec.NewCreateAutoSnapshotPolicyResponse())
	policyID := deref(created.Response.AutoSnapshotPolicyId)

	p := describePolicy(t, c, rec, policyID)
	if p == nil || fmt.Sprint(p.RepeatWeekDays) != "[1 5]" || fmt.Sprint(p.Hours) != fmt.Sprint([]int{farHour}) ||
		*p.RetentionDays != 7 || *p.DiskNum != 0 || deref(p.ZoneId) != "asia-east-1a" || len(p.Tags.Tags) != 1 {
		t.Fatalf("new policy: %s", rec.body)
	}

	waitDisk(t, c, rec, diskID, "AVAILABLE", nil)
	apply := zec.NewApplyAutoSnapshotPolicyRequest()
	apply.AutoSnapshotPolicyId, apply.DiskIds = str(policyID), []string{diskID}
	_, err = c.ApplyAutoSnapshotPolicy(apply)
	must(t, "ApplyAutoSnapshotPolicy", err)
	rec.checkEnvelope(t, "ApplyAutoSnapshotPolicy", zec.NewApplyAutoSnapshotPolicyResponse())
	if got := deref(describeDisk(t, c, rec, diskID).AutoSnapshotPolicyId); got != policyID {
		t.Errorf("DescribeDisks autoSnapshotPolicyId %q, want %s", got, policyID)
	}
	if p = describePolicy(t, c, rec, policyID); *p.DiskNum != 1 || strings.Join(p.DiskIdSet, ",") != diskID {
		t.Errorf("bound policy: diskNum %d diskIdSet %v", *p.DiskNum, p.DiskIdSet)
	}
	elsewhere := zec.NewApplyAutoSnapshotPolicyRequest()
	elsewhere.AutoSnapshotPolicyId, elsewhere.DiskIds = str(policyID), []string{diskEmpty}
	_, err = c.ApplyAutoSnapshotPolicy(elsewhere)
	expectCode(t, err, "INVALID_AUTO_SNAPSHOT_ZONE_MISMATCH")

	modify := zec.NewModifyAutoSnapshotPolicyRequest()
	modify.AutoSnapshotPolicyId, modify.AutoSnapshotPolicyName, modify.RetentionDays = str(policyID), str(uniqueName("sdk-go-policy2")), num(14)
	_, err = c.ModifyAutoSnapshotPolicy(modify)
	must(t, "ModifyAutoSnapshotPolicy", err)
	rec.checkEnvelope(t, "ModifyAutoSnapshotPolicy", zec.NewModifyAutoSnapshotPolicyResponse())
	if p = describePolicy(t, c, rec, policyID); deref(p.AutoSnapshotPolicyName) != *modify.AutoSnapshotPolicyName || *p.RetentionDays != 14 {
		t.Errorf("modified policy: name %s retentionDays %d", deref(p.AutoSnapshotPolicyName), *p.RetentionDays)
	}

	cancel := zec.NewCancelAutoSnapshotPolicyRequest()
	cancel.AutoSnapshotPolicyId, cancel.DiskIds = str(policyID), []string{diskID}
	_, err = c.CancelAutoSnapshotPolicy(cancel)
	must(t, "CancelAutoSnapshotPolicy", err)
	rec.checkEnvelope(t, "CancelAutoSnapshotPolicy", zec.NewCancelAutoSnapshotPolicyResponse())
	if got := deref(describeDisk(t, c, rec, diskID).AutoSnapshotPolicyId); got != "" {
		t.Errorf("after CancelAutoSnapshotPolicy the disk shows policy %q", got)
	}
	if p = describePolicy(t, c, rec, policyID); *p.DiskNum != 0 || len(p.DiskIdSet) != 0 {
		t.Errorf("cancelled policy: diskNum %d diskIdSet %v", *p.DiskNum, p.DiskIdSet)
	}

	del := zec.NewDeleteAutoSnapshotPoliciesRequest()
	del.AutoSnapshotPolicyIds = []string{policyID}
	_, err = c.DeleteAutoSnapshotPolicies(del)
	must(t, "DeleteAutoSnapshotPolicies", err)
	rec.checkEnvelope(t, "DeleteAutoSnapshotPolicies", zec.NewDeleteAutoSnapshotPoliciesResponse())
	if describePolicy(t, c, rec, policyID) != nil {
		t.Errorf("policy %s still listed after deletion", policyID)
	}
	_, err = c.DeleteAutoSnapshotPolicies(del)
	expectCode(t, err, "INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND")
	if rec.status != 404 {
		t.Errorf("HTTP status %d, want 404", rec.status)
	}
	releaseTwice(t, c, rec, diskID)
}

// --- the 2024-04-01 client: ChangeDisksAttach -----------------------------------------------

func TestV20240401ChangeDisksAttach(t *testing.T) {
	c, rec := newClient(t)
	c24, rec24 := newClient24(t)
	diskID, _ := createDisk(t, c, rec, func(*zec.CreateDisksRequest) {})
	waitDisk(t, c, rec, diskID, "AVAILABLE", nil)
	attach := zec24.NewAttachDisksRequest()
	attach.DiskIds, attach.InstanceId = []string{diskID}, instanceRunning
	_, err := c24.AttachDisks(attach)
	must(t, "AttachDisks (2024-04-01)", err)
	rec24.checkEnvelope(t, "AttachDisks", zec24.NewAttachDisksResponse())
	waitDisk(t, c, rec, diskID, "IN_USE", nil)

	move := zec24.NewChangeDisksAttachRequest()
	move.DiskIds, move.InstanceId = []string{diskID}, instanceStopped
	_, err = c24.ChangeDisksAttach(move)
	must(t, "ChangeDisksAttach", err)
	rec24.checkEnvelope(t, "ChangeDisksAttach", zec24.NewChangeDisksAttachResponse())
	var d *zec.DiskInfo
	for i := 0; i < pollAttempts; i++ {
		if d = describeDisk(t, c, rec, diskID); deref(d.DiskStatus) == "IN_USE" && deref(d.InstanceId) == instanceStopped {
			break
		}
		time.Sleep(pollInterval)
	}
	if deref(d.DiskStatus) != "IN_USE" || deref(d.InstanceId) != instanceStopped {
		t.Fatalf("after ChangeDisksAttach: %s on %s", deref(d.DiskStatus), deref(d.InstanceId))
	}
	unknown := zec24.NewChangeDisksAttachRequest()
	unknown.DiskIds, unknown.InstanceId = []string{diskMissing}, instanceRunning
	_, err = c24.ChangeDisksAttach(unknown)
	expectCode(t, err, "INVALID_DISK_NOT_FOUND")

	detach := zec24.NewDetachDisksRequest() // instanceCheckFlag defaults to true; db-01 is STOPPED
	detach.DiskIds = []string{diskID}
	_, err = c24.DetachDisks(detach)
	must(t, "DetachDisks (2024-04-01)", err)
	rec24.checkEnvelope(t, "DetachDisks", zec24.NewDetachDisksResponse())
	waitDisk(t, c, rec, diskID, "AVAILABLE", nil)
	releaseTwice(t, c, rec, diskID)
}

// --- coverage -------------------------------------------------------------------------------

// emulatorActions is every action src/actions/index.ts registers. ChangeDisksAttach exists only in
// the 2024-04-01 client; all the others are called through the 2025-09-01 client above.
var emulatorActions = []string{
	"DescribeZones", "DescribeInstances", "DescribeInstancesStatus", "DescribeDiskRegions", "DescribeDiskCategory",
	"InquiryPriceCreateDisks", "DescribeDisks", "CreateDisks", "AttachDisks", "DetachDisks", "ChangeDisksAttach",
	"ModifyDisksAttributes", "ResizeDisk", "ReleaseDisk", "RenewDisk", "ModifyDisksResourceGroup",
	"DescribeDiskMonitorData", "InquiryPriceResizeDisk", "DescribeSnapshots", "CreateSnapshot",
	"ModifySnapshotsAttribute", "ApplySnapshot", "DeleteSnapshots", "CreateAutoSnapshotPolicy",
	"DescribeAutoSnapshotPolicies", "ApplyAutoSnapshotPolicy", "CancelAutoSnapshotPolicy",
	"ModifyAutoSnapshotPolicy", "DeleteAutoSnapshotPolicies",
}

// TestEveryEmulatorActionCalled runs last: every registered action must have answered 200 to the
// SDK at least once (and so been decoded into its typed response). Skipped under -run.
func TestEveryEmulatorActionCalled(t *testing.T) {
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		t.Skip("only meaningful when the whole suite runs")
	}
	var missing []string
	for _, action := range emulatorActions {
		if _, ok := succeeded.Load(action); !ok {
			missing = append(missing, action)
		}
	}
	if len(missing) > 0 {
		t.Errorf("actions never answered 200 through the SDK: %v", missing)
	}
}
