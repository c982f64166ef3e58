;; The tagger's numeric kernels in WebAssembly (compiled to tagger.wasm by `npm run build:wasm`;
;; tests/wasm-kernels.test.ts checks that the committed binary is this source's): the emission sums of
;; a line's characters and its best tag path. All arguments are byte addresses in the exported memory.
;;
;; emissions(features, n, out, table) computes, for characters i < n,
;;   out[i * 13 + y] = Σ_k table_row(features[i * 21 + k])[y] − 21 × 128     (y < 13, k < 21)
;; where a table row is 16 bytes: the 13 label weights biased by 128 (unsigned, 1 … 255), then 3
;; bytes of 128 (viterbi.ts: packWeights). It is emissions() of viterbi.ts over those bytes, a row a
;; load, with SIMD: the bytes are widened to 16-bit lanes (21 × 255 cannot overflow them) and summed
;; eight labels at a time. `out` takes 14 doubles a character (the 14th is written over by the next
;; character's first), so it needs room for one more double.
;;
;; viterbi(em, n, trans, open, score, back, tags) is viterbi() of viterbi.ts, the same sums and
;; comparisons in the same order (so the same path, ties included): em holds n × 13 emission scores,
;; trans 13 × 13 transitions (from a to b at a * 13 + b) then 13 start scores, open the 7 × 7
;; transitions from closed to opening tags (open[o * 7 + c], CLOSED[c] → OPENING[o]); score (n × 13
;; doubles) and back (n × 13 bytes) are its work space, tags (n bytes) what it writes.
;; Tags: O = 0, then B I E S of PER (1-4), LOC (5-8), ORG (9-12). Closed tags (O, E, S: 0 3 4 7 8 11
;; 12) are those an entity may open after; opening tags (O, B, S: 0 1 4 5 8 9 12) those that may follow.
(module
  (memory (export "memory") 1)
  (func (export "emissions") (param $features i32) (param $n i32) (param $out i32) (param $table i32)
    (local $k i32) (local $row v128) (local $low v128) (local $high v128) (local $wide v128) (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.mul (local.get $n) (i32.const 104))))
    (block $done
      (loop $characters
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        ;; Labels 0-7 in $low, 8-15 in $high, as 16-bit sums.
        (local.set $low (v128.const i64x2 0 0))
        (local.set $high (v128.const i64x2 0 0))
        (local.set $k (i32.const 21))
        (loop $rows
          (local.set $row
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load (local.get $features)) (i32.const 4)))))
          (local.set $low (i16x8.add (local.get $low) (i16x8.extend_low_i8x16_u (local.get $row))))
          (local.set $high (i16x8.add (local.get $high) (i16x8.extend_high_i8x16_u (local.get $row))))
          (local.set $features (i32.add (local.get $features) (i32.const 4)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $rows (local.get $k)))
        ;; Less the bias (21 × 128), then to doubles two at a time.
        (local.set $low (i16x8.sub (local.get $low) (i16x8.splat (i32.const 2688))))
        (local.set $high (i16x8.sub (local.get $high) (i16x8.splat (i32.const 2688))))
        ;; Lanes 0-3 and 4-7 of each as 32-bit integers, each two of those as two doubles: lanes 2
        ;; and 3 are moved down first (the shuffle), as f64x2.convert_low reads lanes 0 and 1 only.
        (local.set $wide (i32x4.extend_low_i16x8_s (local.get $low)))
        (v128.store offset=0 (local.get $out) (f64x2.convert_low_i32x4_s (local.get $wide)))
        (v128.store offset=16 (local.get $out) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $wide) (local.get $wide))))
        (local.set $wide (i32x4.extend_high_i16x8_s (local.get $low)))
        (v128.store offset=32 (local.get $out) (f64x2.convert_low_i32x4_s (local.get $wide)))
        (v128.store offset=48 (local.get $out) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $wide) (local.get $wide))))
        (local.set $wide (i32x4.extend_low_i16x8_s (local.get $high)))
        (v128.store offset=64 (local.get $out) (f64x2.convert_low_i32x4_s (local.get $wide)))
        (v128.store offset=80 (local.get $out) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $wide) (local.get $wide))))
        (local.set $wide (i32x4.extend_high_i16x8_s (local.get $high)))
        (v128.store offset=96 (local.get $out) (f64x2.convert_low_i32x4_s (local.get $wide)))
        (local.set $out (i32.add (local.get $out) (i32.const 104)))
        (br $characters))))
  (func (export "viterbi") (param $em i32) (param $n i32) (param $trans i32) (param $open i32) (param $score i32) (param $back i32) (param $tags i32)
    (local $i i32) (local $prev i32) (local $cur i32) (local $o i32) (local $b i32) (local $k i32)
    (local $c0 f64) (local $c1 f64) (local $c2 f64) (local $c3 f64) (local $c4 f64) (local $c5 f64) (local $c6 f64)
    (local $best f64) (local $s f64) (local $arg i32) (local $b0 i32) (local $fromB f64) (local $fromI f64) (local $viaB f64) (local $viaI f64)
    (local $t i32) (local $last i32) (local $tag i32)
    ;; The first character: emission plus start score for the tags a path may start with (the
    ;; opening ones), −∞ for the others.
    (local.set $t (i32.const 0))
    (loop $init
      (f64.store (i32.add (local.get $score) (i32.shl (local.get $t) (i32.const 3)))
        (if (result f64) (call $opening (local.get $t))
          (then (f64.add (f64.load (i32.add (local.get $em) (i32.shl (local.get $t) (i32.const 3))))
                         (f64.load (i32.add (local.get $trans) (i32.shl (i32.add (i32.const 169) (local.get $t)) (i32.const 3))))))
          (else (f64.const -inf))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $init (i32.lt_u (local.get $t) (i32.const 13))))
    (local.set $i (i32.const 1))
    (block $done
      (loop $chars
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $prev (i32.add (local.get $score) (i32.mul (i32.sub (local.get $i) (i32.const 1)) (i32.const 104))))
        (local.set $cur (i32.add (local.get $prev) (i32.const 104)))
        ;; The previous character's scores of the closed tags, CLOSED[0 … 6].
        (local.set $c0 (f64.load offset=0 (local.get $prev)))
        (local.set $c1 (f64.load offset=24 (local.get $prev)))
        (local.set $c2 (f64.load offset=32 (local.get $prev)))
        (local.set $c3 (f64.load offset=56 (local.get $prev)))
        (local.set $c4 (f64.load offset=64 (local.get $prev)))
        (local.set $c5 (f64.load offset=88 (local.get $prev)))
        (local.set $c6 (f64.load offset=96 (local.get $prev)))
        (local.set $o (i32.const 0))
        (local.set $k (local.get $open))
        ;; Each opening tag b = OPENING[o] from the best closed tag before it (the first of equals).
        (loop $opening
          (local.set $b (i32.or (i32.shl (i32.shr_u (local.get $o) (i32.const 1)) (i32.const 2)) (i32.and (local.get $o) (i32.const 1))))
          (local.set $best (f64.add (local.get $c0) (f64.load offset=0 (local.get $k))))
          (local.set $arg (i32.const 0))
          (local.set $s (f64.add (local.get $c1) (f64.load offset=8 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 3))))
          (local.set $s (f64.add (local.get $c2) (f64.load offset=16 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 4))))
          (local.set $s (f64.add (local.get $c3) (f64.load offset=24 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 7))))
          (local.set $s (f64.add (local.get $c4) (f64.load offset=32 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 8))))
          (local.set $s (f64.add (local.get $c5) (f64.load offset=40 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 11))))
          (local.set $s (f64.add (local.get $c6) (f64.load offset=48 (local.get $k))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $arg (i32.const 12))))
          (f64.store (i32.add (local.get $cur) (i32.shl (local.get $b) (i32.const 3)))
            (f64.add (local.get $best) (f64.load (i32.add (local.get $em) (i32.shl (i32.add (i32.mul (local.get $i) (i32.const 13)) (local.get $b)) (i32.const 3))))))
          (i32.store8 (i32.add (local.get $back) (i32.add (i32.mul (local.get $i) (i32.const 13)) (local.get $b))) (local.get $arg))
          (local.set $k (i32.add (local.get $k) (i32.const 56)))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))
          (br_if $opening (i32.lt_u (local.get $o) (i32.const 7))))
        ;; I and E of each type (B at b0 = 1, 5, 9; I at b0 + 1, E at b0 + 2) from its B or I, B when equal.
        (local.set $b0 (i32.const 1))
        (loop $types
          (local.set $fromB (f64.load (i32.add (local.get $prev) (i32.shl (local.get $b0) (i32.const 3)))))
          (local.set $fromI (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $b0) (i32.const 1)) (i32.const 3)))))
          (local.set $b (i32.add (local.get $b0) (i32.const 1)))
          (loop $targets
            (local.set $viaB (f64.add (local.get $fromB) (f64.load (i32.add (local.get $trans) (i32.shl (i32.add (i32.mul (local.get $b0) (i32.const 13)) (local.get $b)) (i32.const 3))))))
            (local.set $viaI (f64.add (local.get $fromI) (f64.load (i32.add (local.get $trans) (i32.shl (i32.add (i32.mul (i32.add (local.get $b0) (i32.const 1)) (i32.const 13)) (local.get $b)) (i32.const 3))))))
            (if (f64.ge (local.get $viaB) (local.get $viaI))
              (then (local.set $best (local.get $viaB)) (local.set $arg (local.get $b0)))
              (else (local.set $best (local.get $viaI)) (local.set $arg (i32.add (local.get $b0) (i32.const 1)))))
            (f64.store (i32.add (local.get $cur) (i32.shl (local.get $b) (i32.const 3)))
              (f64.add (local.get $best) (f64.load (i32.add (local.get $em) (i32.shl (i32.add (i32.mul (local.get $i) (i32.const 13)) (local.get $b)) (i32.const 3))))))
            (i32.store8 (i32.add (local.get $back) (i32.add (i32.mul (local.get $i) (i32.const 13)) (local.get $b))) (local.get $arg))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))
            (br_if $targets (i32.le_u (local.get $b) (i32.add (local.get $b0) (i32.const 2)))))
          (local.set $b0 (i32.add (local.get $b0) (i32.const 4)))
          (br_if $types (i32.lt_u (local.get $b0) (i32.const 13))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $chars)))
    ;; The path ends in the best closed tag (the first of equals), and is read back from there.
    (local.set $best (f64.const -inf))
    (local.set $last (i32.const 0))
    (local.set $prev (i32.add (local.get $score) (i32.mul (i32.sub (local.get $n) (i32.const 1)) (i32.const 104))))
    (local.set $t (i32.const 0))
    (loop $ends
      (if (call $closed (local.get $t))
        (then
          (local.set $s (f64.load (i32.add (local.get $prev) (i32.shl (local.get $t) (i32.const 3)))))
          (if (f64.gt (local.get $s) (local.get $best)) (then (local.set $best (local.get $s)) (local.set $last (local.get $t))))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $ends (i32.lt_u (local.get $t) (i32.const 13))))
    (local.set $i (i32.sub (local.get $n) (i32.const 1)))
    (i32.store8 (i32.add (local.get $tags) (local.get $i)) (local.get $last))
    (block $bt
      (loop $backtrack
        (br_if $bt (i32.eqz (local.get $i)))
        (local.set $tag (i32.load8_u (i32.add (local.get $back) (i32.add (i32.mul (local.get $i) (i32.const 13)) (i32.load8_u (i32.add (local.get $tags) (local.get $i)))))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (i32.store8 (i32.add (local.get $tags) (local.get $i)) (local.get $tag))
        (br $backtrack))))
  ;; Whether tag t opens (O, B, S) or closes (O, E, S): its part (t − 1) & 3 is 0 for B, 2 for E, 3 for S.
  (func $opening (param $t i32) (result i32)
    (i32.or (i32.eqz (local.get $t)) (i32.or (i32.eq (i32.and (i32.sub (local.get $t) (i32.const 1)) (i32.const 3)) (i32.const 0)) (i32.eq (i32.and (i32.sub (local.get $t) (i32.const 1)) (i32.const 3)) (i32.const 3)))))
  (func $closed (param $t i32) (result i32)
    (i32.or (i32.eqz (local.get $t)) (i32.ge_u (i32.and (i32.sub (local.get $t) (i32.const 1)) (i32.const 3)) (i32.const 2))))
)
