package app

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/sirupsen/logrus"

	"pasapas/app/i18n"
	kiosksync "pasapas/app/sync"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/assets"
	"pasapas/seeds"
)

// ContentDirName is the folder of a centre's own content in the data
// directory; its files follow the layout of seeds/.
const ContentDirName = "content"

// Content is everything the kiosk shows that lives in data files.
type Content struct {
	Text *i18n.Catalogue
	// Walkthroughs are the built-in procedures, replaced or extended by id
	// by the centre's walkthroughs/*.yaml.
	Walkthroughs *walkthrough.Set
	// Questions is the self-assessment's question bank: the centre's
	// content/questions/ when it is valid, else the built-in one.
	Questions *assessment.Bank
	// Pack is the version of the network's pack in use (0: none).
	Pack int
}

// builtInTexts are the screens' texts, built in only and never changed:
// parsed once, for the welcome screen first (Begin) and for the content.
var builtInTexts = sync.OnceValues(func() (*i18n.Catalogue, error) { return i18n.Load(seeds.FS) })

// LoadContent loads the built-in content, then the centre's files from
// centreDir (which may not exist). A broken built-in file is an error: the
// kiosk must not start on it. A broken centre file is skipped and listed in
// the report, so the kiosk keeps running on the built-in content.
func LoadContent(centreDir string) (*Content, *content.Report, error) {
	return LoadLayers("", centreDir)
}

// LoadDataDir is the content a kiosk shows: built-in, then the network's
// pack installed in <data-dir>/pack, then the centre's <data-dir>/content.
func LoadDataDir(dataDir string) (*Content, *content.Report, error) {
	return LoadLayers(filepath.Join(dataDir, kiosksync.PackDirName), filepath.Join(dataDir, ContentDirName))
}

// LoadLayers is LoadContent with the network's pack installed under
// packDir ("": none) between the built-in content and the centre's:
// built-in < pack < centre, file by file for the questions, procedure by
// procedure (by id) for the walkthroughs.
func LoadLayers(packDir, centreDir string) (*Content, *content.Report, error) {
	report := &content.Report{}
	var layers []content.Layer
	pack := 0
	if packDir != "" {
		m, fsys, err := kiosksync.Installed(packDir)
		switch {
		case err != nil:
			report.Add(kiosksync.PackDirName, content.Pack(0), err)
		case fsys != nil:
			pack = m.Version
			layers = append(layers, content.Layer{FS: fsys, Origin: content.Pack(m.Version)})
		}
	}
	if info, err := os.Stat(centreDir); err == nil && info.IsDir() {
		layers = append(layers, content.Layer{FS: os.DirFS(centreDir), Origin: content.Centre})
	}
	// The three kinds load side by side (parsing their YAML is the longest
	// part of opening the kiosk); each keeps its own report, joined in a
	// fixed order.
	var (
		wg                         sync.WaitGroup
		text                       *i18n.Catalogue
		walks                      *walkthrough.Set
		questions                  *assessment.Bank
		textErr, walkErr, questErr error
		walkReport, questReport    content.Report
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		walks, walkErr = loadWalkthroughs(layers, &walkReport)
	}()
	go func() {
		defer wg.Done()
		questions, questErr = assessment.LoadBank(seeds.FS, layers, &questReport)
	}()
	text, textErr = builtInTexts()
	wg.Wait()
	if textErr != nil {
		return nil, report, fmt.Errorf("built-in content: %w", textErr)
	}
	report.Add("languages.yaml", content.BuiltIn, nil)
	report.Files = append(report.Files, walkReport.Files...)
	report.Files = append(report.Files, questReport.Files...)
	if err := cmp.Or(walkErr, questErr); err != nil {
		return nil, report, err
	}
	return &Content{Text: text, Walkthroughs: walks, Questions: questions, Pack: pack}, report, nil
}

// loadWalkthroughs reads the built-in procedures, then each layer's, which
// replace a procedure below with the same id or come after them.
func loadWalkthroughs(layers []content.Layer, report *content.Report) (*walkthrough.Set, error) {
	opt := walkthrough.Options{Illustration: assets.HasIllustration}
	procs, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, opt, report)
	if len(errs) > 0 {
		return nil, fmt.Errorf("built-in content: %w", errs[0])
	}
	for _, l := range layers {
		own, _ := walkthrough.Load(l.FS, walkthrough.Dir, l.Origin, opt, report)
		procs = append(procs, own...)
	}
	set := walkthrough.NewSet(procs...)
	var err error
	set.Practice, err = walkthrough.LoadPracticeLayers(seeds.FS, layers, report)
	return set, err
}

// CheckPack checks a network pack's files as the kiosk will load them,
// over the built-in content, and returns every problem (file:line: field:
// what is wrong). The hub runs it before publishing, the kiosk again
// before installing.
func CheckPack(fsys fs.FS) []error {
	var report content.Report
	layers := []content.Layer{{FS: fsys, Origin: content.Pack(0)}}
	if _, err := loadWalkthroughs(layers, &report); err != nil {
		return []error{err}
	}
	if _, err := assessment.LoadBank(seeds.FS, layers, &report); err != nil {
		return []error{err}
	}
	var errs []error
	for _, f := range report.Rejected() {
		// The loader's own message, without what the kiosk would fall back on.
		var ce *content.Error
		if errors.As(f.Err, &ce) {
			errs = append(errs, ce)
		} else {
			errs = append(errs, f.Err)
		}
	}
	return errs
}

// logReport writes every rejected centre file to the log, loudly.
func logReport(log logrus.FieldLogger, r *content.Report) {
	for _, f := range r.Rejected() {
		log.WithField("file", f.Path).WithField("origin", f.Origin).Errorf("content file rejected: %v", f.Err)
	}
}
