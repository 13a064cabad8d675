module platformroi

go 1.26.8

require github.com/shopspring/decimal v1.6.0

require (
	github.com/go-echarts/go-echarts/v2 v2.7.2 // indirect
	github.com/google/uuid v1.3.0 // indirect
	github.com/maxence-charriere/go-app/v9 v9.8.0 // indirect
)
