package org.jntp.config;

/**
 * One name and value of a {@code tinker} line ({@code tinker step 0.128 stepout 900 panic 1000}),
 * the value checked to be a number not below zero.
 */
public record TinkerOption(String name, double value) {}
