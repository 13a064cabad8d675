// Package calc is the engine of the platform-selection and return-on-investment
// calculator: scenarios, platform demographics (datasets), the monthly computation of
// cost, reach and value, and the recommendation of where to spend staff hours.
//
// It implements the project's calculation model exactly. Money is decimal.Decimal from
// input to output, in the scenario's currency; shares are decimals in [0, 1]; hours are
// per week; a month is 52/12 weeks. Nothing is computed from invalid input: every
// problem is reported at once as a Problem naming its field. The package depends on
// the standard library and shopspring/decimal only, and never touches decimal's
// package-level settings.
package calc
