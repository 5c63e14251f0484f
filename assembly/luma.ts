// Luma as the reference computes it (`fillFloatLumaFromRGB`), in float32: one pixel, and four.

export const LUMA_R: f32 = <f32>0.299;
export const LUMA_G: f32 = <f32>0.587;
export const LUMA_B: f32 = <f32>0.114;

// @ts-ignore: decorator
@inline export function lumaAt(rgb: usize, pixel: i32): f32 {
  const i = rgb + <usize>(pixel * 3);
  return LUMA_R * <f32>load<u8>(i) + LUMA_G * <f32>load<u8>(i + 1) + LUMA_B * <f32>load<u8>(i + 2);
}


// @ts-ignore: decorator
@inline export function lumaVec(v: v128): v128 {
  // Constant swizzles whose "zero" lanes are −128 (0x80), and signed conversion (one
  // cvtdq2ps; the bytes are 0..255, so signed and unsigned agree). pshufb zeroes a lane whose
  // index has its top bit set, so V8 emits a swizzle with such a constant mask as one pshufb;
  // an index of 16 (also zero in WebAssembly) costs a saturating add first, and a two-input
  // shuffle with a zero vector two pshufb and an or. Measured A/B at 12 MP: 19.3–19.8 ms
  // with the two-input shuffle, 16.5–17.6 with this.
  const r = f32x4.convert_i32x4_s(i8x16.swizzle(v, i8x16(0, -128, -128, -128, 3, -128, -128, -128, 6, -128, -128, -128, 9, -128, -128, -128)));
  const g = f32x4.convert_i32x4_s(i8x16.swizzle(v, i8x16(1, -128, -128, -128, 4, -128, -128, -128, 7, -128, -128, -128, 10, -128, -128, -128)));
  const b = f32x4.convert_i32x4_s(i8x16.swizzle(v, i8x16(2, -128, -128, -128, 5, -128, -128, -128, 8, -128, -128, -128, 11, -128, -128, -128)));
  return f32x4.add(f32x4.add(f32x4.mul(f32x4.splat(LUMA_R), r), f32x4.mul(f32x4.splat(LUMA_G), g)), f32x4.mul(f32x4.splat(LUMA_B), b));
}


