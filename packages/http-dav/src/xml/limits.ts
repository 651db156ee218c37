/**
 * Bounds applied by {@link parseXml}. Each one turns a hostile body (huge, deeply nested, an
 * attribute bomb) into an {@link XmlError} before it costs more than linear time and memory.
 */
export interface XmlLimits {
  /** Maximum body size in UTF-8 bytes (413 above it). The HTTP layer enforces the same bound. */
  readonly maxBytes: number;
  /** Maximum element nesting depth; the root element is depth 1. Capped at {@link MAX_DEPTH_CAP}. */
  readonly maxDepth: number;
  /** Maximum number of elements in the document. */
  readonly maxElements: number;
  /** Maximum number of attributes (namespace declarations included) on one element. */
  readonly maxAttributes: number;
}

/** Depth can't be raised above this: conversion is recursive and must never exhaust the stack. */
export const MAX_DEPTH_CAP = 1000;

/**
 * 1 MiB, depth 64, 100 000 elements, 256 attributes per element. A real DAV request body is a
 * few kilobytes and rarely deeper than 8 (calendar-query filters are the deepest).
 */
export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxElements: 100_000,
  maxAttributes: 256,
});

/** Fills in defaults and clamps nonsense (negative, NaN, depth above the cap). */
export function resolveLimits(partial: Partial<XmlLimits> = {}): XmlLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
  return {
    maxBytes: pick(partial.maxBytes, DEFAULT_XML_LIMITS.maxBytes),
    maxDepth: Math.min(pick(partial.maxDepth, DEFAULT_XML_LIMITS.maxDepth), MAX_DEPTH_CAP),
    maxElements: pick(partial.maxElements, DEFAULT_XML_LIMITS.maxElements),
    maxAttributes: pick(partial.maxAttributes, DEFAULT_XML_LIMITS.maxAttributes),
  };
}
