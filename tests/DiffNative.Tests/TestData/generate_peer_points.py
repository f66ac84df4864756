"""Points that SciPy's own tests draw from numpy.random.default_rng(seed).random(k).

The ports in tests/DiffNative.Tests/Peers/ evaluate at the same points as the peer, so this script
re-implements NumPy's SeedSequence and PCG64 (numpy/random/bit_generator.pyx, _pcg64.pyx, pcg64.h)
in plain Python: no NumPy is needed. It checks itself against two well-known outputs
(default_rng(0).random() and default_rng(42).random()) before writing anything.

    python3 generate_peer_points.py > peer_points.json
"""
import json

M32 = 0xFFFFFFFF
INIT_A, MULT_A = 0x43B0D7E5, 0x931E8875
INIT_B, MULT_B = 0x8B51F9DD, 0x58F38DED
MIX_MULT_L, MIX_MULT_R = 0xCA01F9DD, 0x4973F715
POOL = 4
PCG_MULT = 0x2360ED051FC65DA44385DF649FCCF645
M128 = (1 << 128) - 1


def seed_sequence_state(seed, n_words32):
    entropy = []
    while True:
        entropy.append(seed & M32)
        seed >>= 32
        if seed == 0:
            break
    hash_const = [INIT_A]

    def hashmix(value):
        value ^= hash_const[0]
        hash_const[0] = (hash_const[0] * MULT_A) & M32
        value = (value * hash_const[0]) & M32
        return value ^ (value >> 16)

    def mix(x, y):
        r = (MIX_MULT_L * x - MIX_MULT_R * y) & M32
        return r ^ (r >> 16)

    pool = [hashmix(entropy[i] if i < len(entropy) else 0) for i in range(POOL)]
    for src in range(POOL):
        for dst in range(POOL):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for src in range(POOL, len(entropy)):
        for dst in range(POOL):
            pool[dst] = mix(pool[dst], hashmix(entropy[src]))
    out, h = [], INIT_B
    for i in range(n_words32):
        v = pool[i % POOL] ^ h
        h = (h * MULT_B) & M32
        v = (v * h) & M32
        out.append(v ^ (v >> 16))
    return out


class PCG64:
    def __init__(self, seed):
        w = seed_sequence_state(seed, 8)
        v = [w[2 * i] | (w[2 * i + 1] << 32) for i in range(4)]
        initstate, initseq = (v[0] << 64) | v[1], (v[2] << 64) | v[3]
        self.inc = ((initseq << 1) | 1) & M128
        self.state = 0
        self._step()
        self.state = (self.state + initstate) & M128
        self._step()

    def _step(self):
        self.state = (self.state * PCG_MULT + self.inc) & M128

    def next64(self):
        self._step()
        s = self.state
        x = ((s >> 64) ^ s) & ((1 << 64) - 1)
        rot = s >> 122
        return ((x >> rot) | (x << ((64 - rot) & 63))) & ((1 << 64) - 1)

    def random(self, k):
        return [(self.next64() >> 11) * (1.0 / 9007199254740992.0) for _ in range(k)]


assert PCG64(0).random(1)[0] == 0.6369616873214543
assert PCG64(42).random(1)[0] == 0.7739560485559633

print(json.dumps({
    "source": "numpy.random.default_rng(seed).random(k) as SciPy's tests draw them "
              "(scipy/differentiate/tests/test_differentiate.py, scipy/optimize/tests/test__numdiff.py), reproduced by generate_peer_points.py "
              "(SeedSequence + PCG64 in plain Python, checked against default_rng(0) and default_rng(42))",
    "scipy_jacobian_examples": {"seed": 458912319542, "values": PCG64(458912319542).random(5)},
    "scipy_step_direction_size": {"seed": 23892589425245, "values": PCG64(23892589425245).random(3)},
    # rng.uniform(-10, 10, size=2) ten times (test__numdiff.py, TestApproxDerivativeLinearOperator):
    # NumPy's uniform is low + (high - low)*next_double, so these are -10 + 20*random(20).
    "scipy_linear_operator_p": {"seed": 11290049580398,
                                "values": [-10.0 + 20.0 * u for u in PCG64(11290049580398).random(20)]},
}, indent=2))
