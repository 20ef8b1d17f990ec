€
d9d691a173d442b4defense-ministers-call`at a