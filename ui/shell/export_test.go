package shell

import (
	"pasapas/app/session"
	"time"
)

// Logo, SetAfter and SetIdle let the tests hold the logo without waiting
// three real seconds, and put a clock of their own in the idle watch.

func (s *Shell) Logo() *longPressLogo { return s.topBar.logo }

func (l *longPressLogo) SetAfter(after func(time.Duration, func()) func()) { l.after = after }

func (s *Shell) SetIdle(w *session.IdleWatch) { s.idle = w }

// Hold puts the opening back before its content came, as the real window
// is for a moment after it shows.
func (o *Opening) Hold() { o.arrived = false }
