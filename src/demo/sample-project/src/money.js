/** Prices are kept in integer cents so that sums never pick up floating-point dust. */
export function addCents(a, b) {
  return a + b;
}

export function formatPrice(cents) {
  const sign = cents < 0 ? '-' : '';
  return `${sign}$${(Math.abs(cents) / 100).toFixed(2)}`;
}
