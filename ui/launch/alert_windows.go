package launch

import "golang.org/x/sys/windows"

// Alert shows a native error box: the kiosk is a GUI program, so standard
// error goes nowhere on Windows.
func Alert(title, text string) {
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}
