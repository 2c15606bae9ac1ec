/**
 * What every module shares and nothing more: the domain's refusals ({@link io.jixiao.shared.DomainException}
 * and its general kinds). It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.jixiao.shared;
