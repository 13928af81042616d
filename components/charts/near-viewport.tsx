"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

/**
 * Renders its children only once the box comes within `margin` of the viewport, and keeps them from then on.
 * Charts and heatmaps below the fold then cost a phone nothing while the page loads: their code is not fetched
 * and their hundreds of elements are not built until the reader scrolls towards them. The box keeps the size
 * it is given, so nothing below it moves when the content arrives.
 */
export function NearViewport({
  children,
  style,
  className,
  margin = "200px",
}: {
  children: ReactNode;
  style?: CSSProperties;
  className?: string;
  margin?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return (
    // until then a faint box shows where the content will be
    <div
      ref={ref}
      style={style}
      className={`${className ?? ""} ${near ? "" : "rounded bg-slate-100"}`}
      data-lazy={near ? "shown" : "waiting"}
    >
      {near && children}
    </div>
  );
}
