// Package dossier is what goes into the 申报书 and how it is made: it
// reads a package once (rules, totals and the data of every sheet in one
// pass) and computes the package digest (collect.go); it says what the
// document holds — the cover, the sections with their forms, tables and
// totals, the commitment letter in front and the attachments at the end
// (cover.go, layout.go) — and builds it: laid out by package pdf/layout,
// bound and stamped with the version on every page by package pdf/bind
// (build.go). It also writes the commitment letter to sign (letter.go) and
// checks a generated 申报书 against its package (verify.go).
package dossier
