package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// The cross-table rules between 创业团队 and 入驻企业. Each enterprise
// converted from a team is matched with the team sheet (xref.go); these
// check the match. They are reported on the enterprise's row, but for
// XREF-TEAM-NO-ENTERPRISE, on the team's.

// XREF-TEAM-UNKNOWN: the team sheet has no team of the name the enterprise
// writes.
var xrefTeamUnknown = Rule{
	ID: finding.XrefTeamUnknown, Severity: finding.Error, Message: finding.XrefTeamUnknown,
	Match: func(r *Rule, x *xrefs, m *entMatch) {
		if m.unknown() {
			x.ents.run.emit(r, "", entTeamCol.Index(), x.entCell(entTeamCol, m.row), m.display)
		}
	},
}

// XREF-TEAM-NOT-CONVERTED: the team named is not marked converted.
var xrefTeamNotConverted = Rule{
	ID: finding.XrefTeamNotConverted, Severity: finding.Error, Message: finding.XrefTeamNotConverted,
	Match: func(r *Rule, x *xrefs, m *entMatch) {
		if m.unconverted() {
			x.ents.run.emit(r, "", entTeamCol.Index(), x.entCell(entTeamCol, m.row), m.display,
				"team_loc", x.teams.run.loc(x.teamCell(teamConvertedCol, m.teamRow)))
		}
	},
}

// XREF-TEAM-MULTI-ENTERPRISE: a second enterprise naming the same team (a
// warning, on the second).
var xrefTeamMultiEnterprise = Rule{
	ID: finding.XrefTeamMultiEnterprise, Severity: finding.Warning, Message: finding.XrefTeamMultiEnterprise,
	Match: func(r *Rule, x *xrefs, m *entMatch) {
		if m.earlier != 0 {
			et := x.ents.run
			et.emit(r, "", entTeamCol.Index(), x.entCell(entTeamCol, m.row), m.display,
				"first", et.loc(x.entCell(entTeamCol, m.earlier)))
		}
	},
}

// XREF-REGDATE-MISMATCH: the enterprise's 注册时间 differs from its team's
// 转化为企业注册时间 (on 注册时间).
var xrefRegdateMismatch = Rule{
	ID: finding.XrefRegdateMismatch, Severity: finding.Error, Message: finding.XrefRegdateMismatch,
	Match: func(r *Rule, x *xrefs, m *entMatch) {
		t := m.team
		if !m.found || t.converted != stateYes || t.reg == noDate || m.reg == noDate || t.reg == m.reg {
			return
		}
		x.ents.run.emit(r, "", entRegOnCol.Index(), x.entCell(entRegOnCol, m.row), m.reg.String(),
			"team", m.display, "team_date", t.reg.String(),
			"team_loc", x.teams.run.loc(x.teamCell(teamRegOnCol, m.teamRow)))
	},
}

// XREF-TEAM-NO-ENTERPRISE: a converted team that no enterprise names (a
// warning, on the team's 是否转化为企业 cell; its name as compared, trimmed
// and width-folded). Checked once every table was read, when both sheets
// are there with their columns.
var xrefTeamNoEnterprise = Rule{
	ID: finding.XrefTeamNoEnterprise, Severity: finding.Warning, Message: finding.XrefTeamNoEnterprise,
	End: func(r *Rule, ck *Checker) {
		x := ck.xr
		teamIdx := x.teams.index(teamNameCol)
		if !x.teams.present(teamNameCol) || !x.teams.present(teamConvertedCol) || !x.ents.present(entTeamCol) || teamIdx == nil {
			return
		}
		var named *valueIndex
		if !x.stream {
			named = x.ents.index(entTeamCol)
		}
		for id, t := range x.teamFacts {
			if !t.recorded || t.converted != stateYes || t.conflict {
				continue
			}
			key := teamIdx.keys.key(int32(id))
			if t.named || (named != nil && named.keys.find(key) >= 0) {
				continue
			}
			x.teams.run.emit(r, "", teamConvertedCol.Index(),
				x.teamCell(teamConvertedCol, teamIdx.first[id]), schema.Yes, "team", string(key))
		}
	},
}
