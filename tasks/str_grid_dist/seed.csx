string Algorithm(string t, int dist)
{
    return t;
}
