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
  // Constant shuffles (one pshufb each) and signed conversion (one cvtdq2ps; the bytes are
  // 0..255, so signed and unsigned agree): swizzle and unsigned conversion cost several
  // instructions each on x86, and this runs once per four pixels of every image.
  const z = i32x4.splat(0);
  const r = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 0, 16, 16, 16, 3, 16, 16, 16, 6, 16, 16, 16, 9, 16, 16, 16));
  const g = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 1, 16, 16, 16, 4, 16, 16, 16, 7, 16, 16, 16, 10, 16, 16, 16));
  const b = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 2, 16, 16, 16, 5, 16, 16, 16, 8, 16, 16, 16, 11, 16, 16, 16));
  return f32x4.add(f32x4.add(f32x4.mul(f32x4.splat(LUMA_R), r), f32x4.mul(f32x4.splat(LUMA_G), g)), f32x4.mul(f32x4.splat(LUMA_B), b));
}


