/**
 * Demo cycles and packages for a local run: the seed reports as drafts and clean packages at every stage,
 * made through the same services (and checks) as real users' work. Off in production.
 */
package io.jixiao.demo;
