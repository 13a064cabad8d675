package calc

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestZZStats(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 11))
	hist := map[string]int{}
	total := 0
	maxn := 0
	for i := 0; i < 200; i++ {
		s := bfRandomScenario(r, fmt.Sprintf("random %d", i))
		best, n := bruteForce(t, s)
		total += n
		maxn = max(maxn, n)
		k := 0
		for _, h := range best.hours {
			if h.IsPositive() {
				k++
			}
		}
		hist[fmt.Sprintf("%s/%d", bfObjective(s), k)]++
		if k == 0 {
			v := "nil"
			if s.ValuePer1000 != nil {
				v = s.ValuePer1000.String()
			}
			t.Logf("empty %s N=%s value=%s pool=%s", bfObjective(s), s.Audience.Size, v, bfPool(s))
		}
	}
	t.Logf("allocs total %d max %d hist %v", total, maxn, hist)
}
