// Package rules checks the data of a package against every rule of SPEC §1–§2
// that concerns cell values, rows, tables and attachments, and positions
// each problem at its cell.
package rules
