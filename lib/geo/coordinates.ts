/** "48.2082° N, 16.3738° E": a point as people read it (four decimals, about ten metres). */
export function formatPoint(latitude: number, longitude: number): string {
  const degrees = (value: number, positive: string, negative: string) => `${Math.abs(Number(value.toFixed(4)))}° ${value < 0 ? negative : positive}`;
  return `${degrees(latitude, "N", "S")}, ${degrees(longitude, "E", "W")}`;
}
