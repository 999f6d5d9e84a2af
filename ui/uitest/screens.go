package uitest

import (
	"context"
	"pasapas/assessment"
	"pasapas/printing"
)

// VisitorScreens opens each screen built so far, in a fresh Kiosk each.
var VisitorScreens = map[string]func(k *Kiosk){
	"welcome": func(k *Kiosk) {},
	"home":    func(k *Kiosk) { k.Tap("start") },
	"idle":    func(k *Kiosk) { k.Tap("start"); k.Advance(k.UI.Svc.IdleTimeout) },
	"goodbye": func(k *Kiosk) { k.Tap("start"); k.Tap("finish") },
	"error":   func(k *Kiosk) { k.UI.ShowError(k.UI.T("error.storage")) },
	"pinpad":  func(k *Kiosk) { k.UI.Gate.OpenMediator() },
	"menu":    func(k *Kiosk) { k.UI.Console.ShowMenu() },
	"print": func(k *Kiosk) {
		k.PrintWith(NewGate(k, printing.Folder{Dir: k.T.TempDir()}))
		k.Tap("start")
		k.UI.Visitor.PrintSummary()
	},
	"print.done": func(k *Kiosk) {
		k.PrintWith(printing.Folder{Dir: k.T.TempDir()})
		k.Tap("start")
		k.UI.Visitor.PrintSummary()
		k.WaitPrint()
	},
	"print.failed": func(k *Kiosk) {
		k.PrintWith(printing.Folder{})
		k.Tap("start")
		k.UI.Visitor.PrintSummary()
		k.WaitPrint()
	},
	// The self-assessment: One screen per question kind, and the result.
	"assess-select":       func(k *Kiosk) { k.OpenQuestion("screen.pointer") },
	"assess-self":         func(k *Kiosk) { k.OpenQuestion("web.search") },
	"assess-choice-sms":   func(k *Kiosk) { k.OpenQuestion("safe.sms") },
	"assess-choice-web":   func(k *Kiosk) { k.OpenQuestion("safe.address") },
	"assess-icons":        func(k *Kiosk) { k.OpenQuestion("web.icon.close") },
	"assess-tap":          func(k *Kiosk) { k.OpenQuestion("device.tap") },
	"assess-doubleclick":  func(k *Kiosk) { k.OpenQuestion("device.doubleclick") },
	"assess-drag":         func(k *Kiosk) { k.OpenQuestion("device.drag") },
	"assess-scroll":       func(k *Kiosk) { k.OpenQuestion("device.scroll") },
	"assess-type":         func(k *Kiosk) { k.OpenQuestion("device.type") },
	"assess-needs":        func(k *Kiosk) { k.OpenQuestion("needs") },
	"assess-needs-2":      func(k *Kiosk) { k.OpenQuestion("needs"); k.Tap("more") },
	"assess-result":       func(k *Kiosk) { k.OpenResult() },
	"assess-result-short": func(k *Kiosk) { k.OpenShortResult() },
	"assess-next":         func(k *Kiosk) { k.OpenResult(); k.Tap("next") },

	"walk-list":      func(k *Kiosk) { k.Tap("start"); k.Tap("guide") },
	"walk-list-last": func(k *Kiosk) { k.Tap("start"); k.Tap("guide"); k.Tap("page.next"); k.Tap("page.next") },
	"walk-checklist": func(k *Kiosk) { OpenWalk(k, "ants"); TapOnChecklist(k, "lack.id_card") },
	"walk-step":      func(k *Kiosk) { OpenWalk(k, "ft-inscription"); StartWalk(k); NextStep(k); NextStep(k) },
	"walk-stuck":     func(k *Kiosk) { OpenWalk(k, "caf"); StartWalk(k); NextStep(k); k.Tap("stuck") },
	"walk-tip":       func(k *Kiosk) { OpenWalk(k, "caf"); StartWalk(k); k.Tap("stuck"); k.Tap("tip") },
	"walk-mediator":  func(k *Kiosk) { OpenWalk(k, "caf"); StartWalk(k); k.Tap("stuck"); k.Tap("mediator") },
	"walk-end":       func(k *Kiosk) { OpenWalk(k, "ants"); TapOnChecklist(k, "lack.id_card"); StartWalk(k); WalkToEnd(k) },
}

// The sandbox of each practice kind, on the step that uses it.
func init() {
	for name, at := range map[string]struct {
		proc  string
		steps int
	}{
		"franceconnect": {"franceconnect", 0}, "fc-provider": {"franceconnect", 1}, "login": {"ameli", 4},
		"confirm": {"caf", 6}, "attach": {"scan", 5}, "slot": {"doctolib", 2}, "scam": {"arnaque", 3},
	} {
		VisitorScreens["sandbox-"+name] = func(k *Kiosk) {
			OpenWalk(k, at.proc)
			StartWalk(k)
			for range at.steps {
				NextStep(k)
			}
			for k.UI.Screen().Buttons["practice"] == nil {
				k.Tap("more")
			}
			k.Tap("practice")
		}
	}
}

// The screens this bank added or lengthened join the fit test and the
// screenshots: the third safety situation, the longest next steps.
func init() {
	VisitorScreens["assess-choice-code"] = func(k *Kiosk) { k.OpenQuestion("safe.code") }
	VisitorScreens["assess-select-email"] = func(k *Kiosk) { k.OpenQuestion("screen.email") }
	VisitorScreens["assess-self-franceconnect"] = func(k *Kiosk) { k.OpenQuestion("proc.franceconnect") }
	VisitorScreens["assess-next-faire-pour"] = func(k *Kiosk) {
		k.OpenShortResult()
		k.Tap("next")
	}
	VisitorScreens["assess-next-undetermined"] = func(k *Kiosk) {
		k.Tap("start")
		k.UI.Assess.ShowNext(k.UI.Svc.Questions.Score(nil))
	}
}

func init() {
	VisitorScreens["walk-checklist-later"] = OpenLater
	VisitorScreens["walk-end-site"] = func(k *Kiosk) { OpenLater(k); TapOnChecklist(k, "lack.parents"); StartWalk(k); WalkToEnd(k) }
}

// A visitor back with their code: the pad, and each returning screen.
func init() {
	back := func(k *Kiosk) {
		code := k.EarlierVisit(10)
		k.Tap("returning")
		k.TypeCode(code.String())
	}
	VisitorScreens["codepad"] = func(k *Kiosk) { k.Tap("returning") }
	VisitorScreens["codepad-unknown"] = func(k *Kiosk) { k.Tap("returning"); k.TypeCode("ZZZ-ZZZ") }
	VisitorScreens["back-cando"] = back
	// A list may take two pages at the largest text: "Suite" until the
	// screen comes.
	nextUntil := func(k *Kiosk, name string) {
		for i := 0; i < 10 && k.UI.Screen().Name != name; i++ {
			k.Tap("next")
		}
	}
	VisitorScreens["back-hard"] = func(k *Kiosk) { back(k); nextUntil(k, "back.hard") }
	VisitorScreens["back-lacking"] = func(k *Kiosk) { back(k); nextUntil(k, "back.lacking") }
	VisitorScreens["back-resume"] = func(k *Kiosk) { back(k); nextUntil(k, "back.resume") }
	VisitorScreens["back-retake"] = func(k *Kiosk) { VisitorScreens["back-resume"](k); k.Tap("later") }
	VisitorScreens["back-progress"] = func(k *Kiosk) {
		back(k)
		better := HandMade()
		for i, a := range better {
			if a.Item == "comm.email" || a.Item == "proc.account" {
				better[i].Code = assessment.AnswerAlone
			}
		}
		cur := k.UI.Svc.Sessions.Current()
		if err := k.Store.SaveAssessment(context.Background(), cur.ID, k.UI.Svc.Questions.Score(better)); err != nil {
			k.T.Fatal(err)
		}
		k.UI.Back.ShowProgress(func() {})
	}
}
