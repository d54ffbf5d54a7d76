/**
 * The architecture rules of STYLE.md as ArchUnit rules, one rule class per concern, each rule a function of
 * the root package so that {@link org.yuqing.architecture.ArchitectureTest} applies it to {@code org.yuqing} and
 * the rule's own test applies it to a fixture that breaks it.
 */
package org.yuqing.architecture;
