package sync

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"testing/fstest"
	"time"
)

// PackPath is the hub's endpoint for the network's current content pack.
const PackPath = "/api/v1/pack"

// MaxPackBytes bounds a pack's files together: the built-in content is
// well under a megabyte.
const MaxPackBytes = 4 << 20

// Pack is a network content pack: walkthrough and question files laid out
// as a centre's content/ folder, numbered by the hub, and signed with the
// hub's ed25519 key over SignedBytes.
type Pack struct {
	Version   int        `json:"version"`
	Date      time.Time  `json:"date"`
	Note      string     `json:"note"`
	Files     []PackFile `json:"files"`
	Signature []byte     `json:"signature"` // ed25519 over SignedBytes, base64 in JSON
}

// PackFile is one file of a pack, its path as in a content/ folder.
type PackFile struct {
	Path string `json:"path"`
	Data []byte `json:"data"` // base64 in JSON
}

// packPath is what a pack may hold: the two folders a centre's content
// has, one level deep, plain names. Nothing else can be written anywhere.
var packPath = regexp.MustCompile(`^(walkthroughs|questions)/[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.yaml$`)

// CheckPaths refuses a pack with a file outside walkthroughs/*.yaml and
// questions/*.yaml, twice the same path, no file, or too many bytes.
func (p *Pack) CheckPaths() error {
	if len(p.Files) == 0 {
		return errors.New("the pack holds no walkthroughs/*.yaml nor questions/*.yaml file")
	}
	seen := map[string]bool{}
	total := 0
	for _, f := range p.Files {
		if !packPath.MatchString(f.Path) {
			return fmt.Errorf("%s: a pack holds only walkthroughs/*.yaml and questions/*.yaml (plain names)", f.Path)
		}
		if seen[f.Path] {
			return fmt.Errorf("%s: twice in the pack", f.Path)
		}
		seen[f.Path] = true
		total += len(f.Data)
	}
	if total > MaxPackBytes {
		return fmt.Errorf("the pack's files weigh %d bytes, more than %d", total, MaxPackBytes)
	}
	return nil
}

// SignedBytes is the canonical encoding the signature covers, in UTF-8
// text lines ending in \n:
//
//	pasapas-pack 1
//	version <N, decimal>
//	date <RFC 3339 in UTC, seconds>
//	note <base64 of the note's UTF-8 bytes>
//	files <count>
//	<path> <byte count> <SHA-256 of the bytes, lowercase hex>   (one line per file, sorted by path)
//
// so a file's bytes, its name, the version, the date or the note changed
// after signing all break the signature.
func (p *Pack) SignedBytes() []byte {
	files := append([]PackFile(nil), p.Files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	var b bytes.Buffer
	fmt.Fprintf(&b, "pasapas-pack 1\nversion %d\ndate %s\nnote %s\nfiles %d\n",
		p.Version, p.Date.UTC().Format(time.RFC3339), base64.StdEncoding.EncodeToString([]byte(p.Note)), len(files))
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		fmt.Fprintf(&b, "%s %d %s\n", f.Path, len(f.Data), hex.EncodeToString(sum[:]))
	}
	return b.Bytes()
}

// Digest is the SHA-256 of SignedBytes, lowercase hex: the pack's
// fingerprint, as the hub's database keeps it.
func (p *Pack) Digest() string {
	sum := sha256.Sum256(p.SignedBytes())
	return hex.EncodeToString(sum[:])
}

// Sign sets the signature with the hub's private key.
func (p *Pack) Sign(key ed25519.PrivateKey) {
	p.Date = p.Date.UTC().Truncate(time.Second)
	p.Signature = ed25519.Sign(key, p.SignedBytes())
}

// ErrBadSignature: the pack was not signed by the hub whose key the kiosk
// holds, or was changed after signing.
var ErrBadSignature = errors.New("the pack's signature does not match the hub's key (sync.key)")

// Verify checks the signature with the hub's public key.
func (p *Pack) Verify(key ed25519.PublicKey) error {
	if len(key) != ed25519.PublicKeySize || !ed25519.Verify(key, p.SignedBytes(), p.Signature) {
		return ErrBadSignature
	}
	return nil
}

// FormatKey writes a public key as sync.key holds it.
func FormatKey(key ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(key) }

// FS is the pack's files as a file system, for the content loaders.
func (p *Pack) FS() fs.FS {
	// MapFS is a plain in-memory file system (not test-only); the
	// loaders need only ReadFile and Glob.
	m := fstest.MapFS{}
	for _, f := range p.Files {
		m[f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
	}
	return m
}

// ReadPackDir reads a pack's files from a folder laid out as a centre's
// content/ folder (walkthroughs/*.yaml, questions/*.yaml); other files
// are refused, so a wrong folder is not published half.
func ReadPackDir(fsys fs.FS) ([]PackFile, error) {
	var files []PackFile
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name == "." || name == "walkthroughs" || name == "questions" {
				return nil
			}
			return fmt.Errorf("%s/: a pack holds only walkthroughs/ and questions/", name)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		files = append(files, PackFile{Path: name, Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	p := Pack{Files: files}
	return files, p.CheckPaths()
}
