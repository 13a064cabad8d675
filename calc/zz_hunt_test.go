package calc

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestZZHunt(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		r := rand.New(rand.NewPCG(seed, 99))
		for i := 0; i < 400; i++ {
			s := bfRandomScenario(r, fmt.Sprintf("hunt %d/%d", seed, i))
			t.Run(fmt.Sprintf("s%d_%d", seed, i), func(t *testing.T) {
				t.Parallel()
				bfCheck(t, s)
			})
		}
	}
}
