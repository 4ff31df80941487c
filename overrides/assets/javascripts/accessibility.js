/* Keyboard: "Skip to content" (the first Tab stop) moves the focus to the page's heading.
 *
 * Material's instant navigation takes over every internal link, and a change of the address's
 * #fragment makes it fetch the page again and swap the content in: the focus then falls back to
 * the top of the page, and the next Tab lands in the navigation again. So the skip link is
 * handled here, before Material sees the click: the heading takes the focus (and scrolls into
 * view), the address stays. tests/browser/test_accessibility.py checks it with the keyboard.
 */
document.addEventListener("click", event => {
  const link = event.target instanceof Element && event.target.closest("a.md-skip")
  if (!link) return
  const target = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)))
  if (!target) return
  event.preventDefault()
  event.stopPropagation()
  target.setAttribute("tabindex", "-1")
  target.focus()
}, true)

/* Keyboard: a wide table scrolls sideways inside Material's wrapper, which a keyboard user can
 * only scroll if the wrapper can take the focus (axe: scrollable-region-focusable). Every page,
 * also after instant navigation (Material's document$), gives each wrapper that overflows a Tab
 * stop and a name.
 */
function focusableScrollRegions() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0")
      wrap.setAttribute("role", "region")
      wrap.setAttribute("aria-label", "Table, scrolls sideways")
    }
  }
}
if (typeof document$ !== "undefined") document$.subscribe(focusableScrollRegions)
else document.addEventListener("DOMContentLoaded", focusableScrollRegions)
