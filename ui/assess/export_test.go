package assess

// The exercises' own widgets, for the tests to find on screen and drive as
// a visitor would (tap, double tap, drag, scroll, keys).
type (
	MissArea     = missArea
	Target       = target
	DoubleTarget = doubleTarget
	DragTarget   = dragTarget
	DragBoard    = dragBoard
	PageView     = pageView
)

var KeyName = keyName

// Moved tells whether the photo left its place on the drag board.
func (b *dragBoard) Moved() bool { return b.moved }
