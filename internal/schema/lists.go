package schema

import "slices"

// Names of the option lists. The config (`options:`) may replace any of them;
// the template's dropdowns and the validator read the same Lists value.
const (
	ListTenure       = "tenure"
	ListEducation    = "education"
	ListEmployment   = "employment"
	ListActivityKind = "activity_kind"
	// ListYesNo is the fixed list of yes/no columns; it cannot be replaced.
	ListYesNo = "yesno"
)

// Yes and No are the two values of a yes/no cell.
const (
	Yes = "是"
	No  = "否"
)

// Lists maps an option-list name to its options, in display order.
type Lists map[string][]string

// DefaultLists returns the option lists of SPEC §1.
func DefaultLists() Lists {
	return Lists{
		ListTenure:       {"自有产权", "委托管理", "租赁"},
		ListEducation:    {"博士研究生", "硕士研究生", "大学本科", "大专及以下"},
		ListEmployment:   {"专职", "兼职"},
		ListActivityKind: {"创业沙龙", "项目路演", "创业大赛", "创业教育培训", "投融资对接", "论坛讲座", "导师辅导", "交流合作", "其他"},
		ListYesNo:        {Yes, No},
	}
}

// With returns a copy of l in which every non-empty list of overrides
// replaces the list of the same name. Unknown names and the yes/no list are
// ignored; see UnknownLists to report them.
func (l Lists) With(overrides map[string][]string) Lists {
	out := make(Lists, len(l))
	for k, v := range l {
		out[k] = slices.Clone(v)
	}
	for k, v := range overrides {
		if _, ok := l[k]; !ok || k == ListYesNo || len(v) == 0 {
			continue
		}
		out[k] = slices.Clone(v)
	}
	return out
}

// UnknownLists returns the names in overrides that are not replaceable lists.
func (l Lists) UnknownLists(overrides map[string][]string) []string {
	var bad []string
	for k := range overrides {
		if _, ok := l[k]; !ok || k == ListYesNo {
			bad = append(bad, k)
		}
	}
	slices.Sort(bad)
	return bad
}

// Options returns the options of column c (the yes/no pair for YesNo columns).
func (l Lists) Options(c *Column) []string {
	switch c.Type {
	case YesNo:
		return l[ListYesNo]
	case Enum:
		return l[c.Options]
	}
	return nil
}
