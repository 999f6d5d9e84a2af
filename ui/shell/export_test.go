package shell

import "time"

// SpeechText, Logo and SetAfter let the tests read what the speaker button
// says and hold the logo without waiting three real seconds.
func (sc *Screen) SpeechText() string { return sc.speechText() }

func (s *Shell) Logo() *longPressLogo { return s.topBar.logo }

func (l *longPressLogo) SetAfter(after func(time.Duration, func()) func()) { l.after = after }
