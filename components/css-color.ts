/**
 * A colour of the stylesheet's palette as the browser resolves it now, for
 * what draws on a canvas (charts, maps), which cannot read var(--ink): the
 * palette's light-dark() values resolve only on a real property.
 */
export function cssColor(within: Element, variable: `--${string}`): string {
  const probe = document.createElement("span");
  probe.style.color = `var(${variable})`;
  probe.hidden = true;
  within.appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
