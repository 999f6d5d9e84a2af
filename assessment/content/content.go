// Package content is the shared ground of the kiosk's content files (YAML in
// seeds/, overridable by a centre in <data-dir>/content/): errors that name
// file, line and field, strict decoding, and the report of which files were
// loaded or rejected that the mediator console shows.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in a content file (or a directory of places),
// located for whoever fixes it.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Errorf builds an Error at node n (line 1 when n is nil).
func Errorf(file string, n *yaml.Node, field, format string, args ...any) *Error {
	line := 1
	if n != nil && n.Line > 0 {
		line = n.Line
	}
	return &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads YAML data into a node tree. A syntax error comes back as an
// Error with yaml.v3's line; an empty document is an error too.
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, &Error{File: file, Line: line, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: file, Line: 1, Msg: "the file is empty"}
	}
	return doc.Content[0], nil
}

// ParseFile reads and parses one file of fsys.
func ParseFile(fsys fs.FS, file string) (*yaml.Node, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, &Error{File: file, Line: 1, Msg: err.Error()}
	}
	return Parse(file, data)
}

// Decode decodes node n into v, refusing fields v does not know, nested
// ones included (a typo in a centre's file must not pass silently). Errors
// carry the line of the offending field.
func Decode(file string, n *yaml.Node, v any) error {
	if err := checkFields(file, n, reflect.TypeOf(v)); err != nil {
		return err
	}
	if err := n.Decode(v); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			line, msg := yamlErrorLine(errors.New(te.Errors[0]))
			return &Error{File: file, Line: line, Msg: msg}
		}
		return Errorf(file, n, "", "%v", err)
	}
	return nil
}

// Field returns the value node of key in mapping n, or nil.
func Field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// FieldLine is the line of key in mapping n, or n's own line.
func FieldLine(n *yaml.Node, key string) *yaml.Node {
	if f := Field(n, key); f != nil {
		return f
	}
	return n
}

// yamlErrorLine splits a yaml.v3 error ("yaml: line 3: …", "line 3: …")
// into its line and message.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		return line, strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return 1, msg
}

// Origin says where a file came from: built into the program, the
// network's content pack (and its version), or the centre's own folder.
// Later ones replace earlier ones: built-in < pack < centre.
type Origin struct {
	Kind    string // "built-in", "pack" or "centre": the console's key suffix
	Version int    // the pack's version, for a pack
}

var (
	BuiltIn = Origin{Kind: "built-in"}
	Centre  = Origin{Kind: "centre"}
)

// Pack is the origin of a file of the network's pack version v.
func Pack(v int) Origin { return Origin{Kind: "pack", Version: v} }

// String is the origin as pasapas check-content prints it.
func (o Origin) String() string {
	if o.Kind == "pack" {
		return fmt.Sprintf("réseau, version %d", o.Version)
	}
	return o.Kind
}

// Layer is a folder of content files laid over the built-in ones.
type Layer struct {
	FS     fs.FS
	Origin Origin
}

// FileStatus is the fate of one content file.
type FileStatus struct {
	Path   string
	Origin Origin
	Err    error // nil when the file was loaded
}

// Report lists what each loader made of each file, for the log, the
// mediator console and `pasapas check-content`.
type Report struct {
	Files []FileStatus
}

// Add records a file's fate.
func (r *Report) Add(path string, origin Origin, err error) {
	r.Files = append(r.Files, FileStatus{Path: path, Origin: origin, Err: err})
}

// Rejected lists the files that were not loaded.
func (r *Report) Rejected() []FileStatus {
	var out []FileStatus
	for _, f := range r.Files {
		if f.Err != nil {
			out = append(out, f)
		}
	}
	return out
}

// Glob lists the *.yaml files of dir in fsys, sorted; a missing dir is empty.
func Glob(fsys fs.FS, dir string) []string {
	if fsys == nil {
		return nil
	}
	files, _ := fs.Glob(fsys, dir+"/*.yaml")
	sort.Strings(files)
	return files
}
