module platformroi

go 1.26.8

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/go-echarts/go-echarts/v2 v2.7.2
	github.com/maxence-charriere/go-app/v9 v9.8.0
	github.com/shopspring/decimal v1.6.0
)

require (
	github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c // indirect
	github.com/google/uuid v1.3.0 // indirect
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/mod v0.41.0 // indirect
	golang.org/x/sync v0.23.0 // indirect
	golang.org/x/tools v0.51.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

tool honnef.co/go/tools/cmd/staticcheck
