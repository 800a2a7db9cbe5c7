"use client";
// Completing the grid lifts the blind, but only the server may send the group's scores: once the person's last
// save has landed and every scorable cell is theirs, the page is refreshed (once per count, so a later edit that
// leaves the count unchanged does not reload it again).
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export function useRevealRefresh(opts: { blind: boolean; confirmed: number; total: number; saving: boolean }) {
  const { blind, confirmed, total, saving } = opts;
  const router = useRouter();
  const refreshedAt = useRef(-1);
  useEffect(() => {
    if (blind && !saving && confirmed >= total && refreshedAt.current !== confirmed) {
      refreshedAt.current = confirmed;
      router.refresh();
    }
  }, [blind, saving, confirmed, total, router]);
}
