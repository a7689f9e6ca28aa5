import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCents, formatPrice } from '../src/money.js';

test('adds cents exactly', () => {
  assert.equal(addCents(10, 20), 30);
});

test('formats a price with two decimals', () => {
  assert.equal(formatPrice(1999), '$19.99');
});

test('formats a refund with a minus sign', () => {
  assert.equal(formatPrice(-250), '-$2.50');
});
