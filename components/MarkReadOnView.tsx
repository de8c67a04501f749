"use client";

import { useEffect } from "react";
import { markAllReadAction } from "@/app/inbox/actions";

/** Marks the inbox read once it has been shown. */
export function MarkReadOnView({ unread }: { unread: number }) {
  useEffect(() => {
    if (unread > 0) void markAllReadAction();
  }, [unread]);
  return null;
}
