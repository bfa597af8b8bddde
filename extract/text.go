package extract

import (
	"fmt"
	"io"
)

// Text writes a readable summary of r: the article, its officials and
// meetings, and one line per relation.
func (r Result) Text(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "article %s (%s) %s\n", r.Article.ID, r.Article.Published, r.Article.Title); err != nil {
		return err
	}
	for _, e := range r.Entities {
		var err error
		switch e.Kind {
		case KindPerson:
			_, err = fmt.Fprintf(w, "  official %s: %s, %s\n", e.Name, e.Country, e.Title)
		case KindMeeting:
			_, err = fmt.Fprintf(w, "  meeting %s: %s place=%q date=%s participants=%v\n", e.ID, e.Name, e.Place, e.Date, e.Participants)
		}
		if err != nil {
			return err
		}
	}
	for _, rel := range r.Relations {
		neg := ""
		if rel.Negated {
			neg = " NOT"
		}
		if _, err := fmt.Fprintf(w, "  %s%s %s -> %s [%s, %s %s] %q\n", rel.Type, neg, rel.SourceActor, rel.TargetActor,
			rel.Modality, rel.Date, rel.DatePrecision, rel.Sentence); err != nil {
			return err
		}
	}
	return nil
}
