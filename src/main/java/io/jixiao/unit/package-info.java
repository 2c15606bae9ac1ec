/** Budget units (预算单位), their regions and supervising bureaus. Owns {@code jixiao.unit}, {@code region}, {@code bureau}. */
package io.jixiao.unit;
