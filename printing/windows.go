package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Windows prints through the shell's "PrintTo" verb, started from
// PowerShell: the PDF application registered for .pdf files (SumatraPDF is
// the one to install on a kiosk: it prints silently and exits; Acrobat
// Reader works too) prints the file to the named or default printer.
//
// Windows opens a dialog when there is no printer at all, which would stop
// a kiosk, so the printer is checked first (Win32_Printer). When it is
// missing, or printing fails, the PDF is saved in Fallback and the error
// says where, so the mediator can print it by hand.
type Windows struct {
	Printer  string // empty: the default printer
	Fallback Folder
	Wait     time.Duration
}

// Print checks the printer, writes the PDF to a temporary file, prints it,
// and removes the file once the PDF application has exited.
func (w Windows) Print(ctx context.Context, pdf []byte, title string) error {
	err := w.print(ctx, pdf, title)
	if err == nil || w.Fallback.Dir == "" {
		return err
	}
	path, saveErr := w.Fallback.Save(pdf, title)
	if saveErr != nil {
		return errors.Join(err, saveErr)
	}
	return fmt.Errorf("%w (saved as %s)", err, path)
}

func (w Windows) print(ctx context.Context, pdf []byte, title string) error {
	printer, err := w.printer(ctx)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp("", "pasapas-*.pdf")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotResponding, err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(pdf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotResponding, err)
	}
	wait := w.Wait
	if wait <= 0 {
		wait = WaitFor
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	// The file and printer reach PowerShell through the environment, never
	// spliced into the script's text.
	script := `$p = Start-Process -FilePath $env:PASAPAS_PDF -Verb PrintTo -ArgumentList ('"' + $env:PASAPAS_PRINTER + '"') -PassThru -WindowStyle Hidden; ` +
		`if ($p) { $p | Wait-Process -Timeout ` + fmt.Sprint(int(wait.Seconds())) + ` -ErrorAction SilentlyContinue }`
	if _, err := powershell(ctx, script, "PASAPAS_PDF="+f.Name(), "PASAPAS_PRINTER="+printer); err != nil {
		return fmt.Errorf("%w: printing %s to %q: %v", ErrNotResponding, title, printer, err)
	}
	return nil
}

// printer returns the printer to use: the configured one if Windows knows
// it, else the default one.
func (w Windows) printer(ctx context.Context) (string, error) {
	out, err := powershell(ctx, `Get-CimInstance Win32_Printer | ForEach-Object { "$($_.Default)`+"\t"+`$($_.Name)" }`)
	if err != nil {
		return "", fmt.Errorf("%w: listing printers: %v", ErrNotResponding, err)
	}
	def := ""
	for _, line := range strings.Split(out, "\n") {
		isDefault, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		if w.Printer != "" && strings.EqualFold(name, w.Printer) {
			return name, nil
		}
		if isDefault == "True" {
			def = name
		}
	}
	switch {
	case w.Printer != "":
		return "", fmt.Errorf("%w: Windows has no printer named %q", ErrNoPrinter, w.Printer)
	case def == "":
		return "", fmt.Errorf("%w: Windows has no default printer", ErrNoPrinter)
	}
	return def, nil
}

// powershell runs script with env ("NAME=value") added to its environment.
func powershell(ctx context.Context, script string, env ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
