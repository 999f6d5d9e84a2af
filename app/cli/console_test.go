package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pasapas/app/activity"
	"pasapas/app/store"
)

func TestConsoleCommands(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rapport.csv")
	if code, stdout, errOut := run(t, "", "simulate", "--data-dir", dir, "--sessions", "300", "--days", "60", "--seed", "7"); code != 0 || !strings.Contains(stdout, "300 sessions") {
		t.Fatalf("simulate: %d %q %q", code, stdout, errOut)
	}
	code, stdout, errOut := run(t, "", "stats", "--data-dir", dir)
	if code != 0 || !strings.Contains(stdout, "Sessions : 300") || !strings.Contains(stdout, "Orientation") || !strings.Contains(stdout, "Niveaux par domaine") {
		t.Fatalf("stats: %d %q %q", code, stdout, errOut)
	}
	// About a fifth come back with their code, some retake the assessment.
	returning := regexp.MustCompile(`Visiteurs revenus avec leur code : (\d+) \((\d+) % des sessions\)`).FindStringSubmatch(stdout)
	if returning == nil || !strings.Contains(stdout, "dont auto-diagnostic refait") ||
		!strings.Contains(stdout, "Progrès de ceux qui ont refait l’auto-diagnostic") || !strings.Contains(stdout, "Séances accompagnées") {
		t.Fatalf("stats without returning visitors:\n%s", stdout)
	}
	if share, _ := strconv.Atoi(returning[2]); share < 10 || share > 30 {
		t.Errorf("%s %% of sessions are returning visits, want about 20", returning[2])
	}
	if code, stdout, errOut := run(t, "", "export", "--data-dir", dir, "--out", out); code != 0 || !strings.Contains(stdout, "300 sessions") {
		t.Fatalf("export: %d %q %q", code, stdout, errOut)
	}
	data, _ := os.ReadFile(out)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if !bytes.HasPrefix(data, []byte("\uFEFFDate;Type;")) || err != nil || len(rows) != 301 {
		t.Fatalf("csv starts %q, %d rows, %v", data[:20], len(rows), err)
	}
	// Later visits of a chain are numbered and, when retaken, show their
	// level changes.
	header := rows[0]
	visitCol, changesCol := slices.Index(header, "Visite n°"), slices.Index(header, "Évolution des niveaux")
	later, changed := 0, 0
	for _, row := range rows[1:] {
		if row[visitCol] != "1" {
			later++
		}
		if row[changesCol] != "" {
			changed++
		}
	}
	if later == 0 || changed == 0 || changed > later {
		t.Errorf("export: %d later visits, %d with level changes", later, changed)
	}
	// The Coop-shaped workbook holds the accompaniments only.
	xlsx := filepath.Join(dir, "activites.xlsx")
	if code, stdout, errOut := run(t, "", "export", "--data-dir", dir, "--format", "coop", "--out", xlsx); code != 0 || !strings.Contains(stdout, "exportées") {
		t.Fatalf("export coop: %d %q %q", code, stdout, errOut)
	}
	if data, _ := os.ReadFile(xlsx); !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("not an xlsx: %q", data[:min(len(data), 8)])
	}
	jsonOut := filepath.Join(dir, "rapport.json")
	today := time.Now().Format(activity.DayLayout)
	if code, _, errOut := run(t, "", "export", "--data-dir", dir, "--format", "json", "--from", today, "--to", today, "--out", jsonOut); code != 0 {
		t.Fatal(errOut)
	}
	var recs []activity.Record
	data, _ = os.ReadFile(jsonOut)
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("json export: %v\n%s", err, data)
	}
	for _, r := range recs {
		if r.Date != today {
			t.Fatalf("exported a session of %s for %s", r.Date, today)
		}
	}
	// The purge keeps today and the given number of days before it.
	if code, stdout, _ := run(t, "", "purge", "--data-dir", dir, "--older-than", "10"); code != 0 || !strings.Contains(stdout, "supprimées") {
		t.Fatalf("purge: %d %q", code, stdout)
	}
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cutoff := activity.RetentionCutoff(time.Now(), 10)
	st.EachSummary(context.Background(), time.Time{}, cutoff, func(s activity.Summary) error {
		t.Fatalf("session %s of %s survived the purge", s.Code, s.Started)
		return nil
	})
}

func TestConsoleCommandsRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"export", "--data-dir", dir}, 2, "--out"},
		{[]string{"export", "--data-dir", dir, "--out", "x", "--format", "xls"}, 2, "csv, json ou coop"},
		{[]string{"export", "--data-dir", dir, "--out", "x", "--from", "23/11/2026"}, 2, "AAAA-MM-JJ"},
		{[]string{"stats", "--data-dir", dir, "--from", "2026-11-02", "--to", "2026-11-01"}, 2, "avant"},
		{[]string{"simulate", "--data-dir", dir}, 2, "--sessions"},
		{[]string{"purge", "--data-dir", dir, "--older-than", "-1"}, 2, "positif"},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("%v: code %d, err %q", tt.args, code, errOut)
		}
	}
}
