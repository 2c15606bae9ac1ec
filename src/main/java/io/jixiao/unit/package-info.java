/** Budget units (预算单位), their regions and supervising bureaus. Owns {@code jixiao.unit}, {@code region}, {@code bureau}. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "security")
package io.jixiao.unit;
