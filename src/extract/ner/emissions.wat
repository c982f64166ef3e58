;; The tagger's emission sums in WebAssembly SIMD (compiled to emissions.wasm by
;; `npm run build:wasm`; tests/wasm-kernels.test.ts checks that the committed binary is this source's).
;;
;; emissions(features, n, out, table) computes, for characters i < n,
;;   out[i * 13 + y] = Σ_k table_row(features[i * 21 + k])[y] − 21 × 128     (y < 13, k < 21)
;; where a table row is 16 bytes: the 13 label weights biased by 128 (unsigned, 1 … 255), then 3
;; bytes of 128 (viterbi.ts: packWeights). It is emissions() of viterbi.ts over those bytes, a row a
;; load: the bytes are widened to 16-bit lanes (21 × 255 cannot overflow them) and summed eight labels
;; at a time.
;; All arguments are byte addresses in the exported memory; `out` takes 14 doubles a character (the
;; 14th is written over by the next character's first), so it needs room for one more double.
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
        (br $characters)))))
