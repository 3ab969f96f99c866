/** Who authorized: the profile that `GET /v1/me` returns, as far as this tool uses it. */
export interface Account {
  displayName: string;
  id: string;
}
