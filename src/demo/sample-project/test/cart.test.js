import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cartTotal, receiptLine } from '../src/cart.js';

const items = [
  { cents: 1999, quantity: 2 },
  { cents: 350, quantity: 1 },
];

test('totals the cart in cents', () => {
  assert.equal(cartTotal(items), 4348);
});

test('prints the receipt line', () => {
  assert.equal(receiptLine(items), 'Total: $43.48');
});
