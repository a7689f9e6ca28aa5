import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../src/slug.js';

test('slugifies a title', () => {
  assert.equal(slugify('Crème Brûlée, 2 for 1!'), 'creme-brulee-2-for-1');
});
