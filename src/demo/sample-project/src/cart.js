import { addCents, formatPrice } from './money.js';

export function cartTotal(items) {
  return items.reduce((sum, item) => addCents(sum, item.cents * item.quantity), 0);
}

export function receiptLine(items) {
  return `Total: ${formatPrice(cartTotal(items))}`;
}
