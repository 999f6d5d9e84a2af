package cli

import (
	"flag"
	"fmt"
	"time"

	"pasapas/app/activity"
)

// periodFlags are --from and --to: local days (YYYY-MM-DD), both included.
type periodFlags struct{ from, to *string }

func addPeriodFlags(fs *flag.FlagSet) periodFlags {
	return periodFlags{
		from: fs.String("from", "", ""),
		to:   fs.String("to", "", ""),
	}
}

// days returns the days given; a side not given is the zero time.
func (p periodFlags) days() (from, to time.Time, err error) {
	if *p.from != "" {
		if from, err = activity.ParseDay(*p.from); err != nil {
			return from, to, fmt.Errorf("--from %q : date attendue au format AAAA-MM-JJ", *p.from)
		}
	}
	if *p.to != "" {
		if to, err = activity.ParseDay(*p.to); err != nil {
			return from, to, fmt.Errorf("--to %q : date attendue au format AAAA-MM-JJ", *p.to)
		}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, fmt.Errorf("--to %s est avant --from %s", *p.to, *p.from)
	}
	return from, to, nil
}
